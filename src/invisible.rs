//! Characters a reader cannot see — control characters, zero-width and bidirectional format
//! characters — named for messages (`U+200B ZERO WIDTH SPACE`) and replaced by visible stand-ins
//! when a diagnostic quotes the source, so the caret under one has a column to stand in.

/// The code point and name of a character a reader cannot see — a control character or an
/// invisible format character — as `U+200B ZERO WIDTH SPACE`; `None` for visible ones.
pub fn name(c: char) -> Option<String> {
    let name = match c {
        '\0' => "NULL",
        '\u{7}' => "BELL",
        '\u{8}' => "BACKSPACE",
        '\u{b}' => "LINE TABULATION",
        '\u{1b}' => "ESCAPE",
        '\u{7f}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{a0}' => "NO-BREAK SPACE",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ if c.is_control() => "a control character",
        '\u{2061}'..='\u{2064}' | '\u{fff9}'..='\u{fffb}' => "an invisible format character",
        _ => return None,
    };
    Some(format!("U+{:04X} {name}", c as u32))
}

/// The visible stand-in drawn for `c` when quoting source: the Control Pictures glyph for a
/// C0 control or DEL (`␀`, `␡`), `␣` for a no-break space, `�` for any other invisible.
/// Tabs and line breaks are kept.
fn stand_in(c: char) -> Option<char> {
    if matches!(c, '\t' | '\n' | '\r') || name(c).is_none() {
        return None;
    }
    Some(match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        0xa0 => '\u{2423}',
        _ => '\u{fffd}',
    })
}

/// `text` with its invisible characters replaced by stand-ins, and a map from byte offsets
/// of `text` to offsets of the result; `None` when there is nothing to replace.
pub fn visible(text: &str) -> Option<(String, Offsets)> {
    if !text.chars().any(|c| stand_in(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut shifts = Vec::new();
    for (i, c) in text.char_indices() {
        match stand_in(c) {
            Some(s) => {
                out.push(s);
                let delta = s.len_utf8() as isize - c.len_utf8() as isize;
                if delta != 0 {
                    shifts.push((i + c.len_utf8(), delta));
                }
            }
            None => out.push(c),
        }
    }
    Some((out, Offsets(shifts)))
}

/// Byte offsets into a text, moved to the text [`visible`] made of it.
#[derive(Debug, Clone)]
pub struct Offsets(Vec<(usize, isize)>);

impl Offsets {
    /// Where offset `at` (on a character boundary) of the original text lands.
    pub fn map(&self, at: usize) -> usize {
        let moved: isize = self
            .0
            .iter()
            .take_while(|(end, _)| *end <= at)
            .map(|(_, d)| d)
            .sum();
        (at as isize + moved).max(0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_stand_ins() {
        assert_eq!(name('\u{200b}').unwrap(), "U+200B ZERO WIDTH SPACE");
        assert_eq!(name('\0').unwrap(), "U+0000 NULL");
        assert_eq!(name('x'), None);
        let (v, map) = visible("1\u{7f}+\0x").unwrap();
        assert_eq!(v, "1\u{2421}+\u{2400}x");
        assert_eq!(
            (map.map(1), map.map(2), map.map(3), map.map(4)),
            (1, 4, 5, 8)
        );
        assert!(visible("a\tb\n").is_none());
    }
}
