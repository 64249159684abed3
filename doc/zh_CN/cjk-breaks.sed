# SPDX-License-Identifier: GPL-3.0-or-later
# Break points (\:) for groff between Chinese characters, which have no
# spaces between them: groff 1.22 would otherwise not break such a line.
# Run with LC_ALL=C (bytes of UTF-8).  Not in macro lines, nor before a
# closing punctuation mark, nor after an opening one.
/^\./b
/^zhenxing \\- /b
:han
s/\([\xe4-\xe9][\x80-\xbf][\x80-\xbf]\)\([\xe4-\xe9][\x80-\xbf][\x80-\xbf]\)/\1\\:\2/
t han
:close
s/\(\xef\xbc[\x8c\x9a\x9b\x89\x81\x9f]\|\xe3\x80[\x81\x82]\|\xe2\x80\x9d\)\([\xe4-\xe9]\|\xef\xbc\x88\|\xe2\x80\x9c\)/\1\\:\2/
t close
:open
s/\([\xe4-\xe9][\x80-\xbf][\x80-\xbf]\)\(\xef\xbc\x88\|\xe2\x80\x9c\)/\1\\:\2/
t open
