# Chinese for the demo's funds (cli/cmd_demo.c).
# Applied with: python3 tools/po_fill.py po/zh_CN.po po/tr-demo-funds.py
TR = {
"Funds of %d and %d: %ld fund receipts, %ld projects, %ld allocations, %ld payments; %ld assets with %ld income records.\n":
    "%d年和%d年资金：资金下达%ld笔，项目%ld个，资金安排%ld笔，支付%ld笔；资产%ld项，收益记录%ld条。\n",
}
