"""Page furniture: the text around a published table that is neither a table nor a title.

Web pages put site headers, navigation, metadata (发布时间, 来源, 索引号 …), footers
(附件:, 扫一扫在手机打开当前页, [打印] [关闭], share links) and page numbers around the
table. None of it names a project, none of it is a cut: a furniture line is never a
heading, and a furniture row after the indicators ends them (see ``labels.is_footer``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perfbudget.text_caches import keyed_on_texts

_FURNITURE = re.compile(
    r"^(?:"
    r"[-—－]*\s*\d{1,4}\s*[-—－]*"                                   # page numbers: 3, - 3 -
    r"|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?"                    # 第3页 共5页 (not 3/5: a ratio)
    r"|(?:附件|附表|附件下载|相关附件|相关文件)\s*\d{0,2}\s*[:：]?"                                   # 附件:  (alone)
    r"|.{0,6}扫一扫.*|.*在手机打开当前页.*|.*手机扫.*二维码.*"
    r"|(?:[\[【]\s*(?:打印|关闭|下载|收藏|返回|打印本页|关闭窗口|返回顶部)\s*[\]】]\s*)+"
    r"|(?:打印本页|关闭窗口|返回顶部|返回列表|打印|关闭)"
    r"|(?:分享到|分享)\s*[:：]?.*|.*(?:微信|微博|QQ空间).*(?:微信|微博|QQ空间).*"
    r"|(?:发布时间|发布日期|发布机构|发布单位|成文日期|信息来源|来源|作者|索引号|索\s*引\s*号|文\s*号|"
    r"浏览次数|访问次数|阅读次数|点击数|点击量|责任编辑|编辑|字号|字体|分类|主题分类|有\s*效\s*性)\s*[:：].*"
    r"|.*(?:发布时间|发布日期)\s*[:：]\s*\d{4}.*"
    r"|字号\s*[:：]?\s*(?:[大中小]\s*){2,3}.*|【?\s*字体\s*[:：]?\s*[大中小].*"
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：]?.*"
    r"|(?:文件下载|政策咨询|政策解读)(?:\s+(?:文件下载|政策咨询|政策解读))*|标签\s*[:：].*"  # a policy page's widgets
    r"|(?:当前位置|您当前的位置|您所在的位置|当前所在位置)\s*[:：].*"
    r"|(?:首页|网站首页)\s*[>＞»›].*"
    r"|(?:智能问答|你还可以输入\d*|无障碍|长者模式|繁體|繁体|简体|English|登录|注册|网站地图|联系我们)(?:\s+\S{1,6}){0,3}"
    r"|.*(?:版权所有|主办单位|承办单位|技术支持|ICP备|网站标识码|公网安备|公务邮箱|网站声明|隐私声明|版权声明"
    r"|人民政府主办|办公室承办|网站纠错|我要纠错|网站地图|网站支持IPv6|支持IPv6).*"
    r")$"
)


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_furniture(text: str) -> bool:
    """True for a line of page furniture (see the module docstring)."""
    key = unicodedata.normalize("NFKC", text).strip()
    return bool(key) and len(key) <= 200 and bool(_FURNITURE.match(key))


# The form's closing rows and sign-offs: after the indicators they end the table.
_CLOSING = re.compile(r"^(?:[其它他]{2}需?要?说明的?(?:问题|事项|情况)|需说明的问题|其他说明|"
                      r"主管部门审核意见|财政部门审核意见|部门审核意见|审核意见|单位负责人|项目负责人签字|"
                      r"填报人|填表人|填报日期|填表日期|联系人|联系电话|经办人|审核人|分管领导)")


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_closing_row(text: str) -> bool:
    """The first cell of a closing row of the form (其他需说明的问题, 主管部门审核意见, 填报人 …)."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return bool(_CLOSING.match(key))
