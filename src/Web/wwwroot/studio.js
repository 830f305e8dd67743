// Script studio helpers (issue 10): loads the Monaco editor on demand, keeps unsaved text in the browser,
// asks the server to check the script shortly after typing stops, shows the problems as markers, and
// binds Ctrl+S. A static ES module (imported by the studio page): no inline script, so a strict CSP holds.

const monacoScripts = [
    "_content/BlazorMonaco/jsInterop.js",
    "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
    "_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js",
];

let loading = null;

function addScript(src) {
    return new Promise((resolve, reject) => {
        const existing = document.querySelector(`script[data-studio-src="${src}"]`);
        if (existing) {
            resolve();
            return;
        }
        const script = document.createElement("script");
        script.src = src;
        script.dataset.studioSrc = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`Could not load ${src}`));
        document.body.appendChild(script);
    });
}

async function waitFor(test, timeoutMs) {
    const started = Date.now();
    while (!test()) {
        if (Date.now() - started > timeoutMs) {
            throw new Error("Monaco did not load in time");
        }
        await new Promise(r => setTimeout(r, 50));
    }
}

/** Loads Monaco and BlazorMonaco's interop once per page life (only the studio needs them). */
/**
 * Drops the editors of studio pages left earlier. BlazorMonaco keeps every editor by its id, and creating one with an
 * id it still holds copies the old editor's text into the new one: a new tool's studio showed, and saved, the script
 * of the tool opened before it. Called before a studio page renders its editor.
 */
function forgetDetachedEditors() {
    const editors = window.blazorMonaco && window.blazorMonaco.editors;
    if (!editors) {
        return;
    }
    for (let i = editors.length - 1; i >= 0; i--) {
        const node = editors[i].editor && editors[i].editor.getContainerDomNode();
        if (!node || !node.isConnected) {
            const [gone] = editors.splice(i, 1);
            try {
                gone.editor && gone.editor.dispose();
            } catch {
                // already disposed with its page
            }
        }
    }
}

export function loadMonaco() {
    forgetDetachedEditors();
    if (!loading) {
        loading = (async () => {
            for (const src of monacoScripts) {
                await addScript(src);
            }
            await waitFor(() => typeof window.monaco !== "undefined" && window.monaco.editor, 15000);
        })();
        loading.catch(() => { loading = null; });
    }
    return loading;
}

function editorOf(id) {
    const holder = window.blazorMonaco && window.blazorMonaco.editors.find(e => e.id === id);
    return holder ? holder.editor : null;
}

const watchers = new Map();

/**
 * Watches one editor: every change is written to localStorage under `key` (with the version it was
 * opened on), and `checkDelayMs` after the last change the server is asked to check the text.
 */
export function watch(id, key, baseVersionId, dotnet, checkDelayMs) {
    unwatch(id);
    const editor = editorOf(id);
    if (!editor) {
        return false;
    }
    let timer = null;
    const subscription = editor.onDidChangeModelContent(e => {
        const value = editor.getValue();
        if (replacesEverything(e, value)) {
            showFirstColumn(editor);
        }
        try {
            localStorage.setItem(key, JSON.stringify({ base: baseVersionId, source: value, at: new Date().toISOString() }));
        } catch {
            // Storage full or disabled: the text stays in the editor; the page still works.
        }
        clearTimeout(timer);
        timer = setTimeout(() => dotnet.invokeMethodAsync("CheckFromEditor", value), checkDelayMs);
    });
    editor.addCommand(window.monaco.KeyMod.CtrlCmd | window.monaco.KeyCode.KeyS, () => {
        dotnet.invokeMethodAsync("SaveFromKeyboard", editor.getValue());
    });
    watchers.set(id, { subscription, clear: () => clearTimeout(timer) });
    return true;
}

/** True when a change put new text in place of all of it (a paste over Ctrl+A, a setValue). */
function replacesEverything(e, value) {
    return e.isFlush || (e.changes.length === 1 && e.changes[0].rangeOffset === 0 && e.changes[0].text.length === value.length);
}

/**
 * Scrolls back to the first column once the editor has revealed the cursor (after a paste it stands at the end
 * of the last line; a long last line would otherwise leave every other line scrolled out of view, the code
 * looking empty).
 */
function showFirstColumn(editor) {
    setTimeout(() => editor.setScrollLeft(0), 0);
}

/** Puts a whole new text into the editor (another draft, restored text) from its start: line 1, first column. */
export function replaceText(id, text) {
    const editor = editorOf(id);
    if (!editor) {
        return false;
    }
    editor.setValue(text);
    editor.setPosition({ lineNumber: 1, column: 1 });
    editor.setScrollPosition({ scrollLeft: 0, scrollTop: 0 });
    return true;
}

export function unwatch(id) {
    const w = watchers.get(id);
    if (w) {
        w.subscription.dispose();
        w.clear();
        watchers.delete(id);
    }
}

/** Shows the server's problems as error markers (1-based lines and columns); an empty list clears them. */
export function setMarkers(id, problems) {
    const editor = editorOf(id);
    if (!editor || !editor.getModel()) {
        return;
    }
    const model = editor.getModel();
    const markers = problems.map(p => {
        const line = Math.min(Math.max(p.line, 1), model.getLineCount());
        const maxColumn = model.getLineMaxColumn(line);
        const start = Math.min(Math.max(p.column, 1), maxColumn);
        return {
            severity: window.monaco.MarkerSeverity.Error,
            message: p.message,
            startLineNumber: line,
            startColumn: start,
            endLineNumber: line,
            endColumn: start < maxColumn ? maxColumn : start + 1,
        };
    });
    window.monaco.editor.setModelMarkers(model, "skriptoteket", markers);
    const host = document.getElementById(id);
    if (host) {
        host.dataset.problems = String(markers.length);
    }
}

/** The stored unsaved text for `key`: { base, source, at } or null. */
export function readDraft(key) {
    try {
        const raw = localStorage.getItem(key);
        return raw ? JSON.parse(raw) : null;
    } catch {
        return null;
    }
}

export function forgetDraft(key) {
    try {
        localStorage.removeItem(key);
    } catch {
        // Nothing stored or storage disabled.
    }
}

// ---- The helper module `skriptoteket` in the editor: completions after `st.` and hovers (issue 18) ----

let helperProviders = [];

/** The names a script uses for the helper module: st and skriptoteket, and any `import skriptoteket as x`. */
function helperAliases(model) {
    const names = new Set(["st", "skriptoteket"]);
    for (const m of model.getValue().matchAll(/^\s*import\s+skriptoteket\s+as\s+([A-Za-z_]\w*)/gm)) {
        names.add(m[1]);
    }
    return names;
}

/**
 * Offers the helper module's names after `st.` and explains them on hover. `members` comes from the server
 * (HelperModule.cs, checked against the module itself): { name, kind: "function"|"class"|"value", usage, doc }.
 * Registering again (another page visit, another language) replaces the earlier providers.
 */
export function registerHelper(members) {
    const monaco = window.monaco;
    helperProviders.forEach(p => p.dispose());
    const kinds = {
        function: monaco.languages.CompletionItemKind.Function,
        class: monaco.languages.CompletionItemKind.Class,
        value: monaco.languages.CompletionItemKind.Variable,
    };
    helperProviders = [
        monaco.languages.registerCompletionItemProvider("python", {
            triggerCharacters: ["."],
            provideCompletionItems(model, position) {
                const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
                const m = before.match(/([A-Za-z_]\w*)\.(\w*)$/);
                if (!m || !helperAliases(model).has(m[1])) {
                    return { suggestions: [] };
                }
                const range = new monaco.Range(position.lineNumber, position.column - m[2].length, position.lineNumber, position.column);
                return {
                    suggestions: members.map(x => ({
                        label: x.name, kind: kinds[x.kind], detail: x.usage, documentation: x.doc, insertText: x.name, range,
                    })),
                };
            },
        }),
        monaco.languages.registerHoverProvider("python", {
            provideHover(model, position) {
                const word = model.getWordAtPosition(position);
                if (!word) {
                    return null;
                }
                const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
                const m = before.match(/([A-Za-z_]\w*)\.$/);
                const member = members.find(x => x.name === word.word);
                if (!m || !member || !helperAliases(model).has(m[1])) {
                    return null;
                }
                return {
                    range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
                    contents: [{ value: "```python\n" + member.usage + "\n```" }, { value: member.doc }],
                };
            },
        }),
    ];
}

// ---- The help panel: copy or insert an example, focus, and the Alt+Shift+H shortcut ----

/** Puts `text` on the clipboard; false when the browser refuses (the page then says how to copy by hand). */
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

/** Inserts `text` at the editor's cursor (replacing a selection) as one undoable edit; false without an editor. */
export function insertText(id, text) {
    const editor = editorOf(id);
    if (!editor || !editor.getModel()) {
        return false;
    }
    const selection = editor.getSelection();
    editor.executeEdits("studio-help", [{ range: selection, text, forceMoveMarkers: true }]);
    editor.pushUndoStop();
    editor.focus();
    return true;
}

export function focusById(id) {
    const element = document.getElementById(id);
    if (element) {
        element.focus();
    }
}

let helpKey = null;

/** Alt+Shift+H anywhere on the page (the editor included) toggles the help panel. */
export function bindHelpKey(dotnet) {
    unbindHelpKey();
    helpKey = e => {
        if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyH") {
            e.preventDefault();
            dotnet.invokeMethodAsync("ToggleFromKeyboard");
        }
    };
    document.addEventListener("keydown", helpKey);
}

export function unbindHelpKey() {
    if (helpKey) {
        document.removeEventListener("keydown", helpKey);
        helpKey = null;
    }
}
