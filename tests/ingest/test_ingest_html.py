"""HTML ingest: chrome removal, block lines, TAB-joined table rows, source map."""

from __future__ import annotations

import html

import pytest

from pipeline.ingest import IngestError, load_bytes, load_path

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>低保公示_某市人民政府</title>
<script>var count = "<p>张三</p>"; document.write(count);</script>
<style>p {{ color: red }}</style></head>
<body>
<header><div class="logo">某市人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></nav>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 公示公告</div>
<div id="content">
<h1>关于2023年城乡低保对象的公示</h1>
<div class="info">发布时间：2023-05-01&nbsp;&nbsp;浏览次数：<span id="c">123</span>
【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div>字号：大 中 小 | 打印 | 关闭</div>
<p>&nbsp;&nbsp;根据《<b>社会救助暂行办法</b>》，发文字号：某民〔2023〕5号，现公示如下：</p>
<table border="1">
<tr><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>
<tr><td><p>张三</p></td><td>11010519491231002X</td><td>138&nbsp;1234&nbsp;5678</td></tr>
<tr><td>李&amp;四</td><td>&nbsp;</td><td>&#49;3912345678</td></tr>
</table>
<p>联系人：王五，电话：0551-12345678<br>地址：某市某路1号</p>
<p>【我要糾錯】責任編輯:陳燕</p>
</div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div>分享到：<a class="wx"></a><a class="wb"></a></div>
<p>上一篇：关于某某的通知</p><p>下一篇：关于另一事项的通知</p>
<div>扫一扫在手机打开当前页</div>
<footer>主办单位：某市人民政府办公室 电话：0551-1234567</footer>
</body></html>
"""

EXPECTED = (
    "关于2023年城乡低保对象的公示\n"
    "发布时间：2023-05-01\n"
    "根据《社会救助暂行办法》，发文字号：某民〔2023〕5号，现公示如下：\n"
    "姓名\t身份证号\t联系电话\n"
    "张三\t11010519491231002X\t138 1234 5678\n"
    "李&四\t\t13912345678\n"
    "联系人：王五，电话：0551-12345678\n"
    "地址：某市某路1号\n"
    "責任編輯:陳燕"
)


def _page(charset: str = "utf-8") -> str:
    return PAGE.format(charset=charset)


def test_government_page_text(tmp_path):
    path = tmp_path / "notice.html"
    path.write_bytes(_page().encode("utf-8"))
    doc = load_path(path)
    assert doc.kind == "html"
    assert doc.encoding == "utf-8"
    assert doc.text == EXPECTED


@pytest.mark.parametrize(
    "chrome",
    [
        "字号：大",
        "打印",
        "关闭",
        "我要纠错",
        "我要糾錯",
        "扫一扫",
        "分享到",
        "上一篇",
        "下一篇",
        "浏览次数",
        "首页",
        "门户网站",
        "主办单位",
        "document.write",
        "color",
        "当前位置",
        "【字体",
    ],
)
def test_chrome_is_gone(chrome):
    doc = load_bytes(_page().encode("utf-8"), "notice.html")
    assert chrome not in doc.text


def test_every_text_character_maps_into_its_source():
    doc = load_bytes(_page().encode("utf-8"), "notice.html")
    m = doc.markup
    assert len(m.starts) == len(m.ends) == len(m.nodes) == len(doc.text)
    for i, ch in enumerate(doc.text):
        if m.nodes[i] < 0:
            assert ch in "\n\t "
            continue
        raw = m.source[m.starts[i] : m.ends[i]]
        decoded = html.unescape(raw).replace("\xa0", " ")
        assert ch in decoded or (ch == " " and decoded.isspace()), (i, ch, raw)
    start = doc.text.index("11010519491231002X")
    assert m.source[m.starts[start] : m.ends[start + 17]] == "11010519491231002X"


def test_gbk_page_with_meta_charset():
    data = _page("gb2312").encode("gbk")
    doc = load_bytes(data, "gbk.htm")
    assert doc.encoding == "gb18030"
    assert doc.text == EXPECTED
    assert doc.warnings == []


def test_word_style_cells_and_layout_tables():
    page = (
        "<html><body><table><tr><td>"  # a layout table with a nested data table
        "<p>某县民政局关于临时救助的公示</p><p>经审核，下列人员符合条件：</p>"
        "<table><tr><td><p class=MsoNormal>序号</p></td><td><p>姓名</p></td></tr>"
        "<tr><td><p>1</p></td><td><p>赵</p><p>六</p></td></tr></table>"
        "</td></tr></table></body></html>"
    )
    doc = load_bytes(page.encode("utf-8"), "layout.html")
    assert doc.text == (
        "某县民政局关于临时救助的公示\n经审核，下列人员符合条件：\n序号\t姓名\n1\t赵 六"
    )


def test_pre_keeps_its_lines_and_issuing_number_is_not_chrome():
    page = "<body><p>发文字号：豫办〔2016〕60号</p><pre>第一行\n  第二行</pre></body>"
    doc = load_bytes(page.encode("utf-8"), "pre.html")
    assert doc.text == "发文字号：豫办〔2016〕60号\n第一行\n  第二行"


def test_comment_with_text_gives_a_warning():
    page = "<body><p>正文内容</p><!-- 旧稿：申请人赵六身份证号110105194912310021 --></body>"
    doc = load_bytes(page.encode("utf-8"), "c.html")
    assert doc.text == "正文内容"
    assert any("注释" in w for w in doc.warnings)


def test_chrome_only_page_is_an_error():
    page = "<html><body><div>字号：大 中 小</div><div>【打印本页】【关闭窗口】</div></body></html>"
    with pytest.raises(IngestError, match="没有提取到正文文字") as info:
        load_bytes(page.encode("utf-8"), "chrome.html")
    assert "chrome.html" in info.value.message


def test_unclosed_chrome_element_does_not_swallow_the_page():
    body = "<p>" + "正文" * 200 + "</p>"
    page = f"<html><body><div class='share'>分享<div>{body}</body></html>"
    doc = load_bytes(page.encode("utf-8"), "unclosed.html")
    assert "正文正文" in doc.text
