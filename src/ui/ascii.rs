//! For a terminal that does not take UTF-8 (`LANG=C` over an old SSH
//! client): every cell of a drawn frame is made ASCII, letters without their
//! accents and lines and bars as `-`, `|`, `+`, `#`, so the screen stays
//! readable instead of turning to mojibake. Each cell keeps its width.

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;

/// Replaces what is not ASCII in every cell of `buffer`.
pub fn to_ascii(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        let plain = ascii_of(symbol);
        cell.set_char(plain);
    }
}

/// One cell's text as one ASCII character.
fn ascii_of(symbol: &str) -> char {
    let Some(first) = symbol.chars().next() else {
        return ' ';
    };
    if first.is_ascii() {
        return first;
    }
    match first {
        'đ' => 'd',
        'Đ' => 'D',
        '─' | '━' | '—' | '–' | '═' => '-',
        '│' | '┃' | '║' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' => {
            '+'
        }
        '█' | '▓' | '■' => '#',
        '░' | '▒' | '·' | '…' | '•' => '.',
        '▼' | '√' | '✓' => 'v',
        '▶' | '►' | '▸' | '→' | '↳' => '>',
        '◄' | '◀' | '←' => '<',
        '▲' | '↑' => '^',
        '↓' => 'v',
        '∞' => '*',
        '“' | '”' | '«' | '»' => '"',
        '‘' | '’' => '\'',
        '○' => 'o',
        '×' => 'x',
        '≠' => '#',
        other => other
            .to_string()
            .nfd()
            .find(char::is_ascii_alphanumeric)
            .unwrap_or('?'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_keep_their_base_and_frames_become_ascii() {
        let text: String = "Hà Đông ─│┌ █░ √ ▼ ∞ …"
            .chars()
            .map(|c| ascii_of(&c.to_string()))
            .collect();
        assert_eq!(text, "Ha Dong -|+ #. v v * .");
        assert_eq!(ascii_of("ữ"), 'u');
        assert_eq!(ascii_of("漢"), '?');
    }
}
