# Chinese translations of the messages of src/print/spool.c (handing a
# print to the print command or to a file).  Applied with:
# python3 tools/po_fill.py po/zh_CN.po po/tr-spool.py
TR = {
    "cannot write the temporary file %s for the print command %s: %s":
        "无法为打印命令 %s 写入临时文件 %s：%s",
    "cannot run the print command %s: %s; set print_command in the settings, or install cups-client":
        "无法运行打印命令 %s：%s。请在设置中设定 print_command，或安装 cups-client",
    "cannot run the print command %s: %s": "无法运行打印命令 %s：%s",
    "the print command %s did not finish within %d seconds and was stopped":
        "打印命令 %s 在 %d 秒内没有完成，已被终止",
    "the print command %s was killed by signal %d": "打印命令 %s 被信号 %d 终止",
    "the print command %s failed with exit status %d":
        "打印命令 %s 执行失败（退出状态 %d）",
    "no print command is set; set print_command in the settings":
        "没有设定打印命令，请在设置中设定 print_command",
    "the number of copies must be between 1 and 99, not %d":
        "打印份数必须在 1 到 99 之间，不能是 %d",
    "cannot write '%s': the directory '%s' does not exist":
        "无法写入'%s'：目录'%s'不存在",
    "cannot write '%s': '%s' is not a directory": "无法写入'%s'：'%s'不是目录",
    "cannot write '%s': you may not write in the directory '%s' (%s)":
        "无法写入'%s'：您没有在目录'%s'中写入的权限（%s）",
    "'%s' already exists": "'%s'已存在",
    "cannot write '%s': %s": "无法写入'%s'：%s",
    "no file name given": "没有给出文件名",
    "'%s' is a directory; give a file name": "'%s'是一个目录，请给出文件名",
}
