//! Runs of ASCII letters and digits, found eight bytes at a time: the scans that step over
//! every word of a text (the anchor scan, the claim reader's and the checker's tokens). Each
//! byte's class is told by arithmetic on a `u64` of eight bytes, in safe code; what is left
//! at the end of the text is read a byte at a time.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For each of the eight bytes of `x`, its high bit set when it is an ASCII letter.
fn letters(x: u64) -> u64 {
    // Each byte's low seven bits, lowercased: a letter is then from 'a' (0x61) to 'z' (0x7A).
    // Adding 0x1F sets a byte's high bit from 'a' up, adding 0x05 from '{' up, and no sum
    // carries into the next byte (0x7F + 0x1F < 0x100). A byte of 0x80 or more is no letter.
    let low7 = (x | (0x20 * ONES)) & !HIGH;
    let from_a = low7 + 0x1F * ONES;
    let past_z = low7 + 0x05 * ONES;
    from_a & !past_z & !x & HIGH
}

/// For each of the eight bytes of `x`, its high bit set when it is an ASCII digit.
fn digits(x: u64) -> u64 {
    // As for letters, without lowercasing: from '0' (0x30) up, and from ':' (0x3A) up.
    let low7 = x & !HIGH;
    let from_0 = low7 + 0x50 * ONES;
    let past_9 = low7 + 0x46 * ONES;
    from_0 & !past_9 & !x & HIGH
}

/// The end of the run of bytes from `i` that `class` marks, eight at a time, then byte by
/// byte with `one` (the same test for one byte).
fn run_end(bytes: &[u8], mut i: usize, class: impl Fn(u64) -> u64, one: fn(&u8) -> bool) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = !class(u64::from_le_bytes(chunk)) & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(one) {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters in `bytes` from `i` (`i` itself when none is there).
pub(crate) fn letters_end(bytes: &[u8], i: usize) -> usize {
    run_end(bytes, i, letters, u8::is_ascii_alphabetic)
}

/// The end of the run of ASCII letters and digits in `bytes` from `i` (`i` itself when
/// none is there).
pub fn alphanumerics_end(bytes: &[u8], i: usize) -> usize {
    run_end(
        bytes,
        i,
        |x| letters(x) | digits(x),
        u8::is_ascii_alphanumeric,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop_oneof![
                b'a'..=b'z',
                b'A'..=b'Z',
                b'0'..=b'9',
                // The bytes either side of each class, and bytes whose low seven bits are in one.
                Just(b'@'),
                Just(b'['),
                Just(b'`'),
                Just(b'{'),
                Just(b'/'),
                Just(b':'),
                Just(b' '),
                Just(0x10u8),
                Just(0x19u8),
                Just(0xB0u8),
                Just(0xC1u8),
                Just(0xE1u8),
                Just(0xFFu8),
                any::<u8>(),
            ],
            0..40,
        )
    }

    proptest! {
        /// Eight bytes at a time, a run ends where a byte-by-byte reading ends it.
        #[test]
        fn runs_end_where_a_byte_by_byte_reading_ends_them(bytes in bytes(), from in 0usize..40) {
            let from = from.min(bytes.len());
            let run = |test: fn(&u8) -> bool| from + bytes[from..].iter().take_while(|b| test(b)).count();
            prop_assert_eq!(letters_end(&bytes, from), run(u8::is_ascii_alphabetic));
            prop_assert_eq!(alphanumerics_end(&bytes, from), run(u8::is_ascii_alphanumeric));
        }
    }

    #[test]
    fn every_byte_is_classed_as_one_at_a_time() {
        for b in 0..=u8::MAX {
            let x = u64::from(b) * ONES;
            assert_eq!(letters(x) == HIGH, b.is_ascii_alphabetic(), "{b:#x}");
            assert_eq!(digits(x) == HIGH, b.is_ascii_digit(), "{b:#x}");
        }
    }
}
