TR = {
"fund receipt": "资金下达",
"project": "项目",
"project beneficiary": "项目受益户",
"allocation": "资金安排",
"payment": "支付",
"asset": "资产",
"asset income": "资产收益",
}
