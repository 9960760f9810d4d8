//! Parse failures as one readable diagnostic: "expected …" from pest's positives, what was
//! found instead, and help for lookalike characters.

use super::*;

/// A grammar/converter disagreement; should be unreachable.
pub(super) fn internal() -> Diagnostic {
    Diagnostic::error("internal parser error: unexpected syntax tree shape", None)
}

// ---------------------------------------------------------------------------------------
// Error messages
// ---------------------------------------------------------------------------------------

/// What the parser found at the error position.
pub(super) enum Found {
    EndOfInput,
    LineBreak,
    Name(String),
    Keyword(String),
    Number(String),
    Other(char),
}

impl Found {
    fn at(text: &str, pos: usize) -> Found {
        let rest = text.get(pos..).unwrap_or("");
        let Some(c) = rest.chars().next() else {
            return Found::EndOfInput;
        };
        if c == '\n' || c == '\r' {
            Found::LineBreak
        } else if c.is_xid_start() || c == '_' {
            let word: String = rest.chars().take_while(|&d| is_name_char(d)).collect();
            if matches!(word.as_str(), "and" | "or" | "not") {
                Found::Keyword(word)
            } else {
                Found::Name(word)
            }
        } else if c.is_ascii_digit()
            || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            Found::Number(rest[..number_len(rest)].to_string())
        } else {
            Found::Other(c)
        }
    }

    /// Byte length of the found token (0 at a line break or the end).
    fn len(&self) -> usize {
        match self {
            Found::EndOfInput | Found::LineBreak => 0,
            Found::Name(s) | Found::Keyword(s) | Found::Number(s) => s.len(),
            Found::Other(c) => c.len_utf8(),
        }
    }

    fn describe(&self) -> String {
        match self {
            Found::EndOfInput => "end of input".to_string(),
            Found::LineBreak => "a line break".to_string(),
            Found::Name(s) => format!("the name `{s}`"),
            Found::Keyword(s) => format!("the keyword `{s}`"),
            Found::Number(s) => format!("the number `{s}`"),
            Found::Other(c) => invisible_name(*c).unwrap_or_else(|| format!("`{c}`")),
        }
    }

    fn token(&self) -> Option<String> {
        match self {
            Found::EndOfInput | Found::LineBreak => None,
            Found::Name(s) | Found::Keyword(s) | Found::Number(s) => Some(format!("`{s}`")),
            Found::Other(c) => Some(invisible_name(*c).unwrap_or_else(|| format!("`{c}`"))),
        }
    }
}

pub(super) use crate::invisible::name as invisible_name;

pub(super) fn is_name_char(c: char) -> bool {
    c.is_xid_continue() || ('\u{2080}'..='\u{2089}').contains(&c)
}

/// The name or number just before `pos` (skipping spaces), for product suggestions. For an
/// implicit product such as `2x` it is the name (`x`).
pub(super) fn previous_word(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?.trim_end_matches([' ', '\t']);
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c) || c == '.')
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    let first = word.chars().next()?;
    if first.is_xid_start() || first == '_' {
        return Some(word);
    }
    if !(first.is_ascii_digit() || first == '.') {
        return None;
    }
    // A number, possibly followed by the name of an implicit product.
    let end = number_len(word);
    match word[end..].chars().next() {
        Some(c) if c.is_xid_start() || c == '_' => Some(&word[end..]),
        _ => Some(word),
    }
}

/// The byte length of the number literal at the start of `s` (digits and dots, then an
/// exponent `e`/`E`, optional sign, digits when present).
pub(super) fn number_len(s: &str) -> usize {
    let mantissa = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let rest = &s[mantissa..];
    let Some(exp) = rest.strip_prefix(['e', 'E']) else {
        return mantissa;
    };
    let unsigned = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    let digits = unsigned.len()
        - unsigned
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        mantissa
    } else {
        s.len() - unsigned.len() + digits
    }
}

/// Joins `["a", "b", "c"]` as `a, b or c`.
pub(super) fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What the parser expected at an error position.
pub(super) struct Expected {
    /// Readable list: `an operator, `,` or `)``.
    pub(super) list: String,
    /// Whether an operand would have been accepted.
    pub(super) operand: bool,
    /// Whether an operator would have been accepted.
    pub(super) operator: bool,
    /// Whether a `,` would have been accepted.
    pub(super) comma: bool,
}

/// Groups pest's expected rules by class and deduplicates them: operands become "an
/// expression" (which covers "a name"), operators "an operator", statement ends "the end of
/// the statement", and a possible statement start subsumes all of those.
pub(super) fn expected(positives: &[Rule]) -> Expected {
    let described: Vec<(Class, &'static str)> = positives.iter().map(|&r| describe(r)).collect();
    let has = |class: Class| described.iter().any(|(c, _)| *c == class);
    let statement = has(Class::Statement);
    let operand = statement || has(Class::Operand);
    let operator = has(Class::Operator);
    let mut grouped: Vec<(Class, bool, &'static str)> = described
        .iter()
        .filter_map(|&(class, name)| {
            let shown = match class {
                Class::Statement => "a statement",
                Class::Operand | Class::End if statement => return None,
                Class::Token if operand && name == "a name" => return None,
                Class::Operand => "an expression",
                Class::Operator => "an operator",
                Class::End => "the end of the statement",
                Class::Token => name,
            };
            // Closing brackets read best last among the tokens: "`,` or `)`".
            let closer = matches!(shown, "`)`" | "`]`");
            Some((class, closer, shown))
        })
        .collect();
    grouped.sort_by_key(|&(class, closer, _)| (class, closer));
    let mut names: Vec<&str> = Vec::new();
    for (_, _, name) in grouped {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Expected {
        list: join_or(&names),
        operand,
        operator,
        comma: names.contains(&"`,`"),
    }
}

/// Where the input's content ends: trailing whitespace and line breaks excluded, so a caret
/// "at the end" sits after the last character a reader sees.
pub(super) fn content_end(text: &str) -> usize {
    text.trim_end().len()
}

/// Turns a pest error into a diagnostic with a readable message.
pub(super) fn syntax_error(
    err: pest::error::Error<Rule>,
    text: &str,
    source: SourceId,
) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let found = Found::at(text, pos);
    let span = Span::new(source, pos, pos + found.len());
    let positives = match err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { message } => {
            return Diagnostic::error("expression too complex to parse", Some(span))
                .with_label("the parser gave up here")
                .with_note(message.to_lowercase());
        }
    };
    let Expected {
        list: expected,
        operand: wants_operand,
        operator: wants_operator,
        comma,
    } = expected(&positives);
    let message = match (&found, expected.is_empty()) {
        (_, true) => format!("unexpected {}", found.describe()),
        (Found::EndOfInput, false) => format!("expected {expected}"),
        (_, false) => format!("expected {expected}, found {}", found.describe()),
    };
    let label = match found.token() {
        Some(tok) => format!("unexpected {tok}"),
        None if expected.is_empty() => String::new(),
        None => format!("expected {expected}"),
    };
    let mut diag = Diagnostic::error(message, Some(span)).with_label(label);

    match &found {
        Found::Name(_) | Found::Number(_) | Found::Other('(')
            if wants_operator && !wants_operand =>
        {
            let product = match (previous_word(text, pos), &found) {
                (Some(prev), Found::Name(next) | Found::Number(next)) => {
                    format!("write `{prev}*{next}` for a product")
                }
                _ => "use `*` for a product".to_string(),
            };
            let help = if comma {
                format!("separate items with `,`, or {product}")
            } else {
                product
            };
            diag = diag.with_help(help);
        }
        Found::Keyword(k) if wants_operand => {
            diag = diag.with_help(format!("`{k}` is a keyword and cannot be used as a name"));
        }
        Found::LineBreak if wants_operand => {
            diag = diag.with_help(
                "an expression continues on the next line only inside brackets; \
                 wrap it in `(` … `)`",
            );
        }
        Found::Other(c) => {
            if let Some(help) = lookalike_help(*c) {
                diag = diag.with_help(help);
            } else if invisible_name(*c).is_some() {
                diag = diag.with_help(
                    "an invisible or control character, probably pasted in: delete it \
                     (or type a plain space)",
                );
            }
        }
        _ => {}
    }
    diag
}

/// Advice for characters that look like operators sigma spells differently.
pub(super) fn lookalike_help(c: char) -> Option<&'static str> {
    match c {
        '×' | '·' | '⋅' | '∗' => Some("write `*` for multiplication"),
        '÷' | '∕' => Some("write `/` for division"),
        '−' | '–' | '—' => Some("write `-` (ASCII hyphen-minus) for subtraction"),
        '²' | '³' | '¹' | '⁰' | '⁴'..='⁹' => Some("write powers with `^`, as in `x^2`"),
        '"' => Some("sigma has no strings"),
        '{' | '}' => Some("use `(` `)` for grouping and `[` `]` for lists"),
        _ => None,
    }
}
