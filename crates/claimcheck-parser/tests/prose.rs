//! Table tests for prose as its writers mean it (issue 14): changes, identifiers, fiscal
//! years, rates from the verb phrase, bounds from verbs, ages, fractions, notations and
//! counted nouns. Each row is our own sentence; near misses are included as negatives.
//! Rows read like those of `grammar.rs`.

mod support;

use claimcheck_parser::Extractor;

fn check(cases: &[(&str, &[&str])]) {
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for (input, want) in cases {
        let found = extractor.extract(input);
        let got: Vec<String> = found
            .mentions
            .iter()
            .map(|m| support::describe(input, m))
            .collect();
        if got != *want {
            failures.push(format!("{input:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The changes of each text, as `from -> to`.
fn check_changes(cases: &[(&str, &[&str])]) {
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for (input, want) in cases {
        let found = extractor.extract(input);
        let got: Vec<String> = found
            .changes
            .iter()
            .map(|c| {
                format!(
                    "{} -> {}",
                    &input[found.mentions[c.from].span.range()],
                    &input[found.mentions[c.to].span.range()]
                )
            })
            .collect();
        if got != *want {
            failures.push(format!("{input:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn changes_are_two_figures() {
    check(&[
        (
            "Arrests rose from 12 percent to 19 percent of cases.",
            &["percent `12 percent` =12", "percent `19 percent` =19"],
        ),
        (
            "Output fell from 4.1 million in 2015 to 3.2 million.",
            &[
                "number `4.1 million` =4100000",
                "year `2015` =2015",
                "number `3.2 million` =3200000",
            ],
        ),
        (
            "Reports increased from 2012 to 1,800 victims.",
            &["year `2012` =2012", "number `1,800` =1800 unit=victims"],
        ),
        (
            "Debt dropped from 12-15% of output to 7%.",
            &["percent `12-15%` [12,15]", "percent `7%` =7"],
        ),
        // Ranges: the spread of an estimate.
        (
            "Estimates range from 30 to 45 percent.",
            &["percent `from 30 to 45 percent` [30,45]"],
        ),
        (
            "Between 4 and 6 million people were displaced.",
            &["number `Between 4 and 6 million` [4000000,6000000] unit=people"],
        ),
        (
            "An estimated 20 to 30 boats sank.",
            &["number `An estimated 20 to 30` [20,30] about ~ unit=boats"],
        ),
        (
            "The camps held 8,000–9,500 people.",
            &["number `8,000–9,500` [8000,9500] unit=people"],
        ),
        (
            "Rainfall varying from 200 to 400 millimetres.",
            &["number `from 200 to 400` [200,400] unit=millimetres"],
        ),
        (
            "The survey ran from 2014 to 2017.",
            &["year `from 2014 to 2017` [2014,2017]"],
        ),
    ]);
    check_changes(&[
        (
            "Arrests rose from 12 percent to 19 percent of cases.",
            &["12 percent -> 19 percent"],
        ),
        (
            "Output fell from 4.1 million in 2015 to 3.2 million.",
            &["4.1 million -> 3.2 million"],
        ),
        ("Unemployment climbed to 9% from 6%.", &["6% -> 9%"]),
        ("Inflation was 4% in 2020, down from 11%.", &["11% -> 4%"]),
        (
            "Shares rose in both towns: north (21% to 25%) and south (10% to 12%).",
            &["21% -> 25%", "10% -> 12%"],
        ),
        ("Estimates range from 30 to 45 percent.", &[]),
        ("It was 5% in May. From June on, 7% of staff left.", &[]),
    ]);
}

#[test]
fn identifiers_are_not_figures() {
    check(&[
        ("The House passed H.R. 3244 in May.", &[]),
        ("S. 2925 was introduced.", &[]),
        ("It amended Pub. L. 106-386 and P.L. 110-457.", &[]),
        ("Public Law 113-4 reauthorized it.", &[]),
        ("Under 22 U.S.C. 7105 the office reports.", &[]),
        ("It is a crime under 18 U.S.C. § 1589.", &[]),
        ("See title 22, Section 107(b) and §682(b).", &[]),
        ("The Court decided 542 U.S. 296 and 200 U.S. 321, 337.", &[]),
        ("114 Stat. 1490", &[]),
        ("The audit GAO-18-332 and Audit Report 08-26 agree.", &[]),
        ("It stays on Tier 2 and the Tier 2 Watch List.", &[]),
        (
            "Priority 3, Article 3, Protocol 29, Resolution 2331, Level 4.",
            &[],
        ),
        ("as provided in paragraph (3) of this section", &[]),
        ("the sections 7104(b) and 7107 of this title", &[]),
        ("a law.[2] The next", &[]),
        ("the Sixth Amendment and the First Amendment", &[]),
        // Near misses: counts next to the same words.
        (
            "Victim services (28), research (24)",
            &["number `28` =28", "number `24` =24"],
        ),
        (
            "The Senate votes 68–31 to pass it.",
            &["number `68` =68", "number `31` =31"],
        ),
        ("Tier 2 countries number 94.", &["number `94` =94"]),
    ]);
}

#[test]
fn fiscal_and_reporting_years() {
    check(&[
        ("Spending rose in FY2021.", &["year `FY2021` =2021"]),
        ("Spending rose in FY 2021.", &["year `FY 2021` =2021"]),
        ("the FY21 budget", &["year `FY21` =2021"]),
        ("in fiscal year 2020", &["year `fiscal year 2020` =2020"]),
        (
            "in Fiscal Year (FY) 2018",
            &["year `Fiscal Year (FY) 2018` =2018"],
        ),
        ("aid in FY93/94", &["year `FY93/94` [1993,1994]"]),
        ("the FY 2009-10 budget", &["year `FY 2009-10` [2009,2010]"]),
        (
            "cancellations from FY2009–FY2019",
            &["year `FY2009–FY2019` [2009,2019]"],
        ),
        (
            "for fiscal years 2018 through 2021",
            &["year `fiscal years 2018 through 2021` [2018,2021]"],
        ),
        ("in 2019/20", &["year `2019/20` [2019,2020]"]),
        ("the 2019–20 school year", &["year `2019–20` [2019,2020]"]),
        (
            "from 2016 through 2020",
            &["year `from 2016 through 2020` [2016,2020]"],
        ),
        // Near misses: no marker, or not a year.
        (
            "The FY line had 2021 entries.",
            &["number `2021` =2021 unit=entries"],
        ),
        ("a fy2021 typo", &[]),
        ("It took 3/4 of them.", &["percent `3/4` =75"]),
    ]);
}

#[test]
fn rates_carried_by_the_verb_phrase() {
    check(&[
        (
            "200,000 workers arrive each year.",
            &["number `200,000` =200000 unit=workers per=year"],
        ),
        (
            "Some 3,000 are deported every week.",
            &["number `Some 3,000` =3000 about ~ per=week"],
        ),
        (
            "About 600 girls are trafficked annually.",
            &["number `About 600` =600 about ~ unit=girls per=year"],
        ),
        (
            "They earn $400, paid monthly.",
            &["money `$400` =400 USD per=month"],
        ),
        (
            "Nearly 900 migrants reach the island a day.",
            &["number `Nearly 900` (-inf,900) nearly ~ unit=migrants per=day"],
        ),
        // Near misses: another clause, a duration, a time.
        (
            "It paid $400, which rose each year.",
            &["money `$400` =400 USD"],
        ),
        (
            "The plant built 300 cars in a year.",
            &["number `300` =300 unit=cars"],
        ),
        (
            "It had 20 staff a year ago.",
            &["number `20` =20 unit=staff"],
        ),
        (
            "About 1.3 million came in 2008.",
            &[
                "number `About 1.3 million` =1300000 about ~",
                "year `2008` =2008",
            ],
        ),
    ]);
}

#[test]
fn bounds_from_verbs_and_phrases() {
    check(&[
        (
            "Exports exceeded $5 billion.",
            &["money `exceeded $5 billion` (5000000000,inf) more_than USD"],
        ),
        (
            "Growth topped 7%.",
            &["percent `topped 7%` (7,inf) more_than"],
        ),
        (
            "Sales surpassed 100,000.",
            &["number `surpassed 100,000` (100000,inf) more_than"],
        ),
        (
            "The toll passed 2,000.",
            &["number `passed 2,000` (2000,inf) more_than"],
        ),
        (
            "Inflation fell below 3%.",
            &["percent `fell below 3%` (-inf,3) less_than"],
        ),
        (
            "Prices dipped under $100.",
            &["money `dipped under $100` (-inf,100) less_than USD"],
        ),
        (
            "The deficit is capped at 3%.",
            &["percent `capped at 3%` (-inf,3] at_most"],
        ),
        (
            "Visits are limited to 40.",
            &["number `limited to 40` (-inf,40] at_most"],
        ),
        (
            "up to 60 days",
            &["number `up to 60` (-inf,60] at_most unit=days"],
        ),
        (
            "at most 5 people",
            &["number `at most 5` (-inf,5] at_most unit=people"],
        ),
        (
            "no more than 6 hours",
            &["number `no more than 6` (-inf,6] at_most unit=hours"],
        ),
        (
            "at least 8 boats",
            &["number `at least 8` [8,inf) at_least unit=boats"],
        ),
        (
            "no fewer than 9 cases",
            &["number `no fewer than 9` [9,inf) at_least unit=cases"],
        ),
        ("≥65", &["number `≥65` [65,inf) at_least"]),
        ("<200%", &["percent `<200%` (-inf,200) less_than"]),
        (
            "10 or more visits",
            &["number `10 or more` [10,inf) at_least unit=visits"],
        ),
        // Near misses: a particle, a preposition, a duration, an action.
        ("Growth speeded up to 3.9%.", &["percent `3.9%` =3.9"]),
        (
            "Costs added up to about $2 billion.",
            &["money `about $2 billion` =2000000000 about ~ USD"],
        ),
        (
            "under two federal statutes",
            &["number `two` =2 unit=statutes"],
        ),
        ("It fell over 10 years.", &["number `10` =10 unit=years"]),
        ("Congress passed 12 bills.", &["number `12` =12 unit=bills"]),
    ]);
}

#[test]
fn ages_and_thresholds() {
    check(&[
        (
            "children under 18",
            &["number `under 18` (-inf,18) less_than unit=years"],
        ),
        (
            "girls under the age of 16",
            &["number `under the age of 16` (-inf,16) less_than unit=years"],
        ),
        (
            "workers under age 14",
            &["number `under age 14` (-inf,14) less_than unit=years"],
        ),
        (
            "an under-16 ban",
            &["number `under-16` (-inf,16) less_than unit=years"],
        ),
        (
            "children aged 15 to 17",
            &["number `15 to 17` [15,17] unit=years"],
        ),
        (
            "people 18 and older",
            &["number `18 and older` [18,inf) at_least unit=years"],
        ),
        (
            "adults 65 or over",
            &["number `65 or over` [65,inf) at_least unit=years"],
        ),
        (
            "those 65 years or older",
            &["number `65 years or older` [65,inf) at_least unit=years"],
        ),
        (
            "children 17 and under",
            &["number `17 and under` (-inf,17] at_most unit=years"],
        ),
        (
            "boys younger than 15",
            &["number `younger than 15` (-inf,15) less_than unit=years"],
        ),
        (
            "girls as young as twelve",
            &["number `as young as twelve` [12,inf) at_least unit=years"],
        ),
        (
            "children between the ages of 16 and 18",
            &["number `between the ages of 16 and 18` [16,18] unit=years"],
        ),
        ("a 23-year-old woman", &["number `23` =23 unit=years"]),
        // Near misses: not ages.
        (
            "under 18% of votes",
            &["percent `under 18%` (-inf,18) less_than"],
        ),
        ("a 10-year plan", &["number `10` =10 unit=year"]),
    ]);
}

#[test]
fn fractions_mixed_numbers_and_dozens() {
    check(&[
        (
            "one and a half million people",
            &["number `one and a half million` =1500000 unit=people"],
        ),
        (
            "two and a half times more",
            &["number `two and a half` =2.5"],
        ),
        ("three-quarters of staff", &["percent `three-quarters` =75"]),
        ("two thirds of voters", &["percent `two thirds` =66.6667"]),
        ("a third of the crews", &["percent `a third` =33.3333"]),
        (
            "half a million refugees",
            &["number `half a million` =500000 unit=refugees"],
        ),
        ("three in five adults", &["percent `three in five` =60"]),
        (
            "one in every 150 children",
            &["percent `one in every 150` =0.6667"],
        ),
        (
            "14 out of every 15 firms",
            &["percent `14 out of every 15` =93.3333"],
        ),
        ("It grew 1 4/5 times.", &["number `1 4/5` =1.8"]),
        ("3/4 of them", &["percent `3/4` =75"]),
        (
            "half a dozen boats",
            &["number `half a dozen` =6 unit=boats"],
        ),
        ("two dozen cars", &["number `two dozen` =24 unit=cars"]),
        ("3 dozen eggs", &["number `3 dozen` =36 unit=eggs"]),
        ("a hundredth of the budget", &["percent `a hundredth` =1"]),
        ("three fifths of voters", &["percent `three fifths` =60"]),
        // Near misses: a period of the year, a date, a name.
        (
            "the first half of 2004",
            &["ordinal `first` =1", "year `2004` =2004"],
        ),
        ("the hundredth anniversary", &["ordinal `hundredth` =100"]),
        ("on 12/25/2020", &[]),
    ]);
}

#[test]
fn other_notations() {
    check(&[
        ("a rate of .08", &["number `.08` =0.08"]),
        ("about .9%", &["percent `about .9%` =0.9 about ~"]),
        ("1e6 copies", &["number `1e6` =1000000 unit=copies"]),
        (
            "1.2 × 10^6 people",
            &["number `1.2 × 10^6` =1200000 unit=people"],
        ),
        ("10k members", &["number `10k` =10000 unit=members"]),
        ("2.3K staff", &["number `2.3K` =2300 unit=staff"]),
        ("$4.5bn", &["money `$4.5bn` =4500000000 USD"]),
        ("€3m", &["money `€3m` =3000000 EUR"]),
        ("5 lakh workers", &["number `5 lakh` =500000 unit=workers"]),
        ("₹2 crore", &["money `₹2 crore` =20000000 INR"]),
        ("5 000 people", &["number `5 000` =5000 unit=people"]),
        (
            "5\u{a0}000 people",
            &["number `5\u{a0}000` =5000 unit=people"],
        ),
        (
            "5\u{202f}000 people",
            &["number `5\u{202f}000` =5000 unit=people"],
        ),
        (
            "billions of dollars",
            &["money `billions of dollars` [2000000000,inf) vague ~ USD"],
        ),
        ("R$1 million", &["money `R$1 million` =1000000 BRL"]),
        ("CN¥2.9 million", &["money `CN¥2.9 million` =2900000 CNY"]),
        ("₩30 million", &["money `₩30 million` =30000000 KRW"]),
        ("S$1 million", &["money `S$1 million` =1000000 SGD"]),
        // Near misses.
        ("a .50-caliber rifle", &[]),
        ("version 1.2.3", &[]),
    ]);
}

#[test]
fn counted_nouns_past_adjectives() {
    check(&[
        (
            "212 identified survivors",
            &["number `212` =212 unit=survivors"],
        ),
        ("37 regional offices", &["number `37` =37 unit=offices"]),
        (
            "more than 900 completed prosecutions",
            &["number `more than 900` (900,inf) more_than unit=prosecutions"],
        ),
        ("six total arrests", &["number `six` =6 unit=arrests"]),
        ("40 other nations", &["number `40` =40 unit=nations"]),
        ("12 police officers", &["number `12` =12 unit=officers"]),
        (
            "dozens of Mexican women and girls",
            &["number `dozens` [24,inf) vague ~ unit=women and girls"],
        ),
        (
            "300 Sierra Leoneans",
            &["number `300` =300 unit=Sierra Leoneans"],
        ),
        // Near misses: a verb after the noun, a verb with an object.
        (
            "5,000 nationals presented themselves",
            &["number `5,000` =5000 unit=nationals"],
        ),
        (
            "kills 14 people and injures 35 others",
            &["number `14` =14 unit=people", "number `35` =35 unit=others"],
        ),
        (
            "three measles outbreaks",
            &["number `three` =3 unit=outbreaks"],
        ),
    ]);
}

#[test]
fn text_as_it_comes() {
    check(&[
        // Digits of other scripts and invisible characters: spans over the original bytes.
        ("٢٣ percent", &["percent `٢٣ percent` =23"]),
        ("２０２１ staff", &["number `２０２１` =2021 unit=staff"]),
        ("2\u{200D}3 percent", &["percent `2\u{200D}3 percent` =23"]),
        // A reversed range keeps its order: the checker reports it.
        (
            "between 40 and 30 percent",
            &["percent `between 40 and 30 percent` [40,30]"],
        ),
    ]);
    let e = Extractor::default();
    // Out of range is reported, never read as 0 or cut short.
    let big = e.extract("It is 1e308 exactly.");
    assert_eq!(big.mentions[0].value, Some(1e308));
    for text in ["1e-400", "1e400", &format!("0.{}1", "0".repeat(400))] {
        let found = e.extract(text);
        assert!(found.mentions.is_empty(), "{text}");
        assert_eq!(found.diagnostics.len(), 1, "{text}");
    }
}
