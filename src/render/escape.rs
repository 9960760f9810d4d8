//! Escaping for the text renderers: LaTeX text mode (specials, and non-ASCII symbols as math
//! commands pdflatex accepts), LaTeX math mode, and Markdown inline text.

/// The math-mode command for a non-ASCII character, if it has one (the printer's table).
pub fn math_symbol(c: char) -> Option<&'static str> {
    crate::math::expr::print::tex_symbol(c)
}

/// Characters pdflatex accepts as they are in text mode with T1 and UTF-8 input (Latin-1
/// letters and Latin Extended-A).
fn tex_accepts(c: char) -> bool {
    c.is_ascii() || ('\u{c0}'..='\u{17f}').contains(&c)
}

/// Text-mode LaTeX for arbitrary text: the specials `\ { } $ & # ^ _ % ~` escaped, and
/// non-ASCII symbols (Greek letters, `≈`, `→`, …) turned into math commands in `$…$`.
///
/// The same text must also work in MathJax and KaTeX (Markdown output, notebooks), whose
/// `\text{…}` reads no commands but does read `$…$` inside it: so symbols are `$\le$` rather
/// than `\ensuremath{\le}`, and dashes are the characters `—` and `–` (which pdflatex maps
/// to `\textemdash` and `\textendash`) rather than the ligatures `---` and `--`.
pub fn tex_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '_' | '%' => {
                out.push('\\');
                out.push(c);
            }
            // The ASCII glyphs of T1 (`\textasciicircum` and `\textasciitilde` are accents).
            '^' => out.push_str("{\\char94}"),
            '~' => out.push_str("{\\char126}"),
            '\n' | '\r' | '\t' => out.push(' '),
            '—' | '–' => out.push(c),
            c if tex_accepts(c) && !matches!(c, '×' | '·' | '±' | '²' | '³' | '¹' | '°') => {
                out.push(c)
            }
            c => match math_symbol(c) {
                Some(m) => out.push_str(&format!("${m}$")),
                None => out.push_str(&format!("[U+{:04X}]", c as u32)),
            },
        }
    }
    out
}

/// Math-mode LaTeX from a renderer with any non-ASCII character made a command.
pub fn tex_math(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(m) = math_symbol(c) {
            out.push_str(&format!("{{{m}}}"));
        } else if tex_accepts(c) {
            out.push_str(&format!("\\text{{{c}}}"));
        } else {
            out.push_str(&format!("\\text{{[U+{:04X}]}}", c as u32));
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup in running text.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '$' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
