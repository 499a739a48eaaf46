"""Reasons and articles of the 2019 条例 for each attribute and reason code (Chinese)."""

from __future__ import annotations

#: reason code → (reason, article) for withheld information
WITHHELD: dict[str, tuple[str, str]] = {
    "国家秘密": ("属于依法确定为国家秘密的政府信息，不予公开", "《政府信息公开条例》第十四条"),
    "法律法规禁止": (
        "属于法律、行政法规禁止公开的政府信息，不予公开",
        "《政府信息公开条例》第十四条",
    ),
    "三安全一稳定": (
        "公开后可能危及国家安全、公共安全、经济安全、社会稳定，不予公开",
        "《政府信息公开条例》第十四条",
    ),
    "第三方合法权益": (
        "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，不得公开",
        "《政府信息公开条例》第十五条",
    ),
    "内部事务": (
        "属于人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开",
        "《政府信息公开条例》第十六条第一款",
    ),
    "过程性信息": (
        "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开",
        "《政府信息公开条例》第十六条第二款",
    ),
    "行政执法案卷": ("属于行政执法案卷信息，可以不予公开", "《政府信息公开条例》第十六条第二款"),
    "行政查询事项": (
        "属于工商、不动产登记资料等有专门查询渠道的信息，应依有关法律、行政法规的规定办理",
        "《政府信息公开条例》第三十六条第（七）项",
    ),
}
PUBLIC = (
    "内容属于需要社会公众广泛知晓或者参与的政府信息，应当主动公开",
    "《政府信息公开条例》第十九条、第二十条",
)
ON_REQUEST = (
    "不属于应当主动公开的范围，公民、法人或者其他组织可以依申请获取",
    "《政府信息公开条例》第二十七条",
)
PARTIAL = (
    "含有依法不应公开的实质内容（商业秘密、个人隐私或内部事项等），删除后可以公开其余部分",
    "《政府信息公开条例》第三十七条、第十五条",
)
WITHHELD_GENERIC = ("文件标注不予公开", "《政府信息公开条例》第十四条至第十六条")


def reason_for(attribute: str, code: str | None) -> tuple[str, str]:
    """Default (reason, article) for an attribute and reason code."""
    if attribute == "主动公开":
        return PUBLIC
    if attribute == "依申请公开":
        return ON_REQUEST
    if attribute == "部分公开":
        return PARTIAL
    return WITHHELD.get(code or "", WITHHELD_GENERIC)
