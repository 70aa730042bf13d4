//! End-to-end cases of the command line, as data files in `tests/cmd/`: arguments, input,
//! expected output and exit code.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/cmd/*.toml"
    ));
}
