// Starts Swagger UI on /api/docs (a file, not an inline script, so that the CSP can forbid inline code).
// persistAuthorization keeps the token given to 「授权」 across reloads of the page.
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  persistAuthorization: true, presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout" });

// Swagger UI has no translations of its own: its labels are put into Chinese where they show. A text
// node whose whole text (spaces aside) is one of these labels is replaced; the API's own words (paths,
// names, descriptions from the schema) are never one of them.
(function () {
  var LABELS = {
    "Try it out": "试一试", "Cancel": "取消", "Execute": "执行", "Clear": "清除", "Authorize": "授权",
    "Logout": "退出", "Close": "关闭", "Download": "下载", "Parameters": "参数", "No parameters": "无参数",
    "Request body": "请求内容", "Responses": "响应", "Response body": "响应内容", "Response headers": "响应头",
    "Request URL": "请求地址", "Server response": "服务器响应", "Curl": "curl 命令", "Code": "状态码",
    "Details": "详情", "Description": "说明", "Links": "链接", "No links": "无链接", "Name": "名称",
    "Example Value": "示例", "Schema": "结构", "Schemas": "数据结构", "Media type": "媒体类型",
    "Available authorizations": "可用的授权方式", "Value:": "值：", "Expand all": "全部展开",
    "Collapse all": "全部收起", "Send empty value": "发送空值", "Example Description": "示例说明",
    "Parameter content type": "参数内容类型", "Authorized": "已授权", "Loading...": "加载中…",
    "Request duration": "请求耗时", "Undocumented": "未说明",
  };
  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.nodeValue, key = text.trim();
      if (key && Object.prototype.hasOwnProperty.call(LABELS, key)) {
        node.nodeValue = text.replace(key, LABELS[key]);
      }
    }
  }
  var target = document.getElementById("swagger-ui");
  translate(target);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") { translate(change.target.parentNode || target); return; }
      change.addedNodes.forEach(function (node) { translate(node.nodeType === 3 ? node.parentNode : node); });
    });
  }).observe(target, { childList: true, subtree: true, characterData: true });
})();
