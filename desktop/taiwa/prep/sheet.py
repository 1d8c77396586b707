"""The prep sheet for the report: Markdown/plain text, and one self-contained offline HTML file.

Built from :class:`~taiwa.prep.facts.PrepFacts`, which holds shared content only (action items,
agenda topics, questions); the sheet never reads a meeting's notes, mood or signals.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from taiwa.prep import answers, texts
from taiwa.prep.facts import PrepFacts


def when_text(moment: datetime) -> str:
    """A meeting time as the reader's clock shows it (this machine's local zone)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _actions(f: PrepFacts) -> list[str]:
    return [texts.action_line(a, f.lang, f.today) for a in (*f.last_actions, *f.open_actions)]


def markdown(f: PrepFacts) -> str:
    """The sheet as Markdown that reads well as plain text (for mailto: and the clipboard)."""
    lang = f.lang
    out = [f"# {texts.TITLE.text(lang)}", ""]
    out += [texts.INTRO.text(lang, name=f.person.name, when=when_text(f.next_at)), ""]
    out += [f"## {texts.ACTIONS.text(lang)}", ""]
    out += [f"- {line}" for line in _actions(f)] or [texts.NO_ACTIONS.text(lang)]
    if f.open_topics:
        out += ["", f"## {texts.TOPICS.text(lang)}", ""]
        out += [f"- {texts.theme(t.theme, lang)}: {t.text}" for t in f.open_topics]
    if f.questions:
        out += ["", f"## {texts.QUESTIONS.text(lang)}", ""]
        for theme, questions in f.questions.items():
            out += [f"- {texts.theme(theme, lang)}"] + [f"  - {q}" for q in questions]
    out += ["", f"## {texts.ANSWER.text(lang)}", "", texts.ANSWER_HELP.text(lang), ""]
    template = [answers.BEGIN, f"person: {f.person.id}", f"sheet: {f.today.isoformat()}"]
    template += [f"{t.value}: " for t in answers.ANSWER_THEMES]
    out += ["```", *template, answers.END, "```", ""]
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;
max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}
label{display:block;font-weight:600;margin-top:1rem}
.hint{color:#555;font-size:.9rem;margin:.2rem 0}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem}
#answer{font-family:ui-monospace,monospace;font-size:.85rem;background:#f5f5f7}
button{font:inherit;margin:.8rem .5rem .2rem 0;padding:.35rem .9rem}
"""

# The form's script builds the same block as answers.block(): the parser's tests hold both to it.
_JS = """
(function(){
var W=%(width)d;
function fold(key,text){
  var rest=Array.from(text.split(/\\s+/).join(' ').trim()),out=[];
  while(rest.length>W){
    var cut=rest.lastIndexOf(' ',W-1);
    if(cut<W/2){cut=W;}
    out.push(rest.slice(0,cut).join(''));rest=rest.slice(cut);
  }
  out.push(rest.join(''));
  return [key+': '+out[0]].concat(out.slice(1).map(function(l){return '  '+l;}));
}
function make(){
  var f=document.getElementById('prep'),lines=[f.dataset.begin,'person: '+f.dataset.person,
    'sheet: '+f.dataset.sheet];
  f.querySelectorAll('textarea[data-theme]').forEach(function(box){
    box.value.split(/\\r?\\n/).forEach(function(item){
      if(item.trim()){lines=lines.concat(fold(box.dataset.theme,item));}
    });
  });
  lines.push(f.dataset.end);
  var out=document.getElementById('answer');out.value=lines.join('\\n')+'\\n';
  document.getElementById('after').hidden=false;
  return out.value;
}
window.taiwaMakeAnswer=make;
document.getElementById('make').addEventListener('click',function(e){e.preventDefault();make();});
document.getElementById('copy').addEventListener('click',function(e){
  e.preventDefault();var out=document.getElementById('answer');out.select();
  var ok=false;try{ok=document.execCommand('copy');}catch(err){ok=false;}
  if(!ok&&navigator.clipboard){navigator.clipboard.writeText(out.value);}
  document.getElementById('copied').hidden=false;
});
document.getElementById('download').addEventListener('click',function(e){
  e.preventDefault();
  var a=document.createElement('a'),b=new Blob([make()],{type:'text/plain'});
  a.href=URL.createObjectURL(b);a.download=document.getElementById('prep').dataset.file;
  document.body.appendChild(a);a.click();a.remove();
});
})();
"""

#: No network at all: the page may use only its own inline style and script.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
    " img-src data:; form-action 'none'; base-uri 'none'"
)


def answer_filename(f: PrepFacts) -> str:
    return f"taiwa-answer-{f.today.isoformat()}.txt"


def html(f: PrepFacts) -> str:
    """The sheet as one offline HTML page with a form that builds the answer block."""
    lang = f.lang
    e = escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(texts.TITLE.text(lang))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(texts.TITLE.text(lang))}</h1>",
        f"<p>{e(texts.INTRO.text(lang, name=f.person.name, when=when_text(f.next_at)))}</p>",
        f"<h2>{e(texts.ACTIONS.text(lang))}</h2>",
    ]
    lines = _actions(f)
    if lines:
        parts.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in lines) + "</ul>")
    else:
        parts.append(f"<p>{e(texts.NO_ACTIONS.text(lang))}</p>")
    if f.open_topics:
        parts.append(f"<h2>{e(texts.TOPICS.text(lang))}</h2><ul>")
        parts += [f"<li>{e(texts.theme(t.theme, lang))}: {e(t.text)}</li>" for t in f.open_topics]
        parts.append("</ul>")
    parts += [
        f"<h2>{e(texts.ANSWER.text(lang))}</h2>",
        f'<p class="hint">{e(texts.FORM_HELP.text(lang))}</p>',
        f'<form id="prep" data-person="{f.person.id}" data-sheet="{f.today.isoformat()}"'
        f' data-begin="{e(answers.BEGIN)}" data-end="{e(answers.END)}"'
        f' data-file="{e(answer_filename(f))}" autocomplete="off">',
    ]
    for theme in answers.ANSWER_THEMES:
        parts.append(f'<label for="t-{theme.value}">{e(texts.theme(theme, lang))}</label>')
        parts += [f'<p class="hint">{e(q)}</p>' for q in f.questions.get(theme, ())]
        parts.append(
            f'<textarea id="t-{theme.value}" data-theme="{theme.value}" rows="3"></textarea>'
        )
    parts += [
        f'<button id="make" type="button">{e(texts.MAKE.text(lang))}</button>',
        '<div id="after" hidden>',
        '<textarea id="answer" rows="10" readonly></textarea>',
        f'<button id="copy" type="button">{e(texts.COPY.text(lang))}</button>',
        f'<button id="download" type="button">{e(texts.DOWNLOAD.text(lang))}</button>',
        f'<span id="copied" hidden>{e(texts.COPIED.text(lang))}</span>',
        "</div></form>",
        f"<script>{_JS % {'width': answers.FOLD_WIDTH}}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
