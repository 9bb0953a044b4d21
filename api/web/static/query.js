// The query page's editor: CodeMirror over the form's textarea, Ctrl+Enter to run, and the
// cursor put where the server says a syntax error is. Without this script the form still works.
(function () {
  "use strict";
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query");
  if (!form || !textarea) return;
  var editor = null;

  function run() {
    if (editor) editor.save();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run, Tab: false, "Shift-Tab": false },
    });
    editor.getInputField().setAttribute("aria-label", "SPARQL query");
    editor.getWrapperElement().setAttribute("data-editor", "codemirror");
  } else {
    textarea.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        run();
      }
    });
  }

  var error = document.querySelector(".query-error[data-line]");
  if (error && editor) {
    var line = Math.max(0, Number(error.dataset.line) - 1);
    var column = Math.max(0, Number(error.dataset.column) - 1);
    editor.addLineClass(line, "background", "error-line");
    editor.setCursor({ line: line, ch: column });
    editor.focus();
  }
})();
