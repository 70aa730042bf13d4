//! Table tests of the extractor: each row is a text and every figure it must yield, written
//! as `kind `text` interval [qualifier] [~ approximate] [currency] [unit=…] [per=…]`.
//! An empty list means the text holds no figure (years, dates, identifiers are negatives).

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

#[test]
fn digits_and_scales() {
    check(&[
        ("23", &["number `23` =23"]),
        ("1,000", &["number `1,000` =1000"]),
        (
            "100,000 workers",
            &["number `100,000` =100000 unit=workers"],
        ),
        (
            "1 000 000 people",
            &["number `1 000 000` =1000000 unit=people"],
        ),
        ("3.5", &["number `3.5` =3.5"]),
        ("-5%", &["percent `-5%` =-5"]),
        ("−3.2 percent", &["percent `−3.2 percent` =-3.2"]),
        ("+2%", &["percent `+2%` =2"]),
        ("0.75", &["number `0.75` =0.75"]),
        ("49.6 million", &["number `49.6 million` =49600000"]),
        ("2.5 billion", &["number `2.5 billion` =2500000000"]),
        ("1.2 trillion", &["number `1.2 trillion` =1200000000000"]),
        ("5bn", &["number `5bn` =5000000000"]),
        ("3 mn", &["number `3 mn` =3000000"]),
        ("10k", &["number `10k` =10000"]),
        ("$5m", &["money `$5m` =5000000 USD"]),
        ("£3.4bn", &["money `£3.4bn` =3400000000 GBP"]),
    ]);
}

#[test]
fn number_words() {
    check(&[
        (
            "three hundred and forty-one",
            &["number `three hundred and forty-one` =341"],
        ),
        ("Fifty-seven", &["number `Fifty-seven` =57"]),
        ("twenty one", &["number `twenty one` =21"]),
        ("a hundred", &["number `a hundred` =100"]),
        ("half a billion", &["number `half a billion` =500000000"]),
        ("a dozen", &["number `a dozen` =12"]),
        ("two dozen", &["number `two dozen` =24"]),
        ("fifteen hundred", &["number `fifteen hundred` =1500"]),
        (
            "two million three hundred thousand",
            &["number `two million three hundred thousand` =2300000"],
        ),
        (
            "seven trillion",
            &["number `seven trillion` =7000000000000"],
        ),
        (
            "a thousand people",
            &["number `a thousand` =1000 unit=people"],
        ),
        (
            "ninety-nine thousand nine hundred",
            &["number `ninety-nine thousand nine hundred` =99900"],
        ),
    ]);
}

#[test]
fn vague_quantities() {
    check(&[
        (
            "dozens of victims",
            &["number `dozens` [24,inf) vague ~ unit=victims"],
        ),
        (
            "hundreds of families",
            &["number `hundreds` [200,inf) vague ~ unit=families"],
        ),
        (
            "several hundred workers",
            &["number `several hundred` [300,inf) vague ~ unit=workers"],
        ),
        (
            "thousands of migrants",
            &["number `thousands` [2000,inf) vague ~ unit=migrants"],
        ),
        (
            "tens of thousands of people",
            &["number `tens of thousands` [20000,inf) vague ~ unit=people"],
        ),
        (
            "hundreds of thousands of refugees",
            &["number `hundreds of thousands` [200000,inf) vague ~ unit=refugees"],
        ),
        (
            "millions of children",
            &["number `millions` [2000000,inf) vague ~ unit=children"],
        ),
        (
            "a few hundred protesters",
            &["number `a few hundred` [200,inf) vague ~ unit=protesters"],
        ),
        (
            "scores of people",
            &["number `scores` [40,inf) vague ~ unit=people"],
        ),
    ]);
}

#[test]
fn percentages_fractions_ratios() {
    check(&[
        ("23 percent", &["percent `23 percent` =23"]),
        ("23%", &["percent `23%` =23"]),
        ("23 %", &["percent `23 %` =23"]),
        ("23 per cent", &["percent `23 per cent` =23"]),
        ("23-percent share", &["percent `23-percent` =23"]),
        (
            "5 percentage points",
            &["percent `5 percentage points` =5 points"],
        ),
        (
            "twenty-three percent",
            &["percent `twenty-three percent` =23"],
        ),
        ("a fifth", &["percent `a fifth` =20"]),
        ("two-thirds", &["percent `two-thirds` =66.6667"]),
        (
            "three quarters of respondents",
            &["percent `three quarters` =75"],
        ),
        ("half of all victims", &["percent `half` =50"]),
        ("one in three", &["percent `one in three` =33.3333"]),
        ("1 in 200", &["percent `1 in 200` =0.5"]),
        ("two out of five", &["percent `two out of five` =40"]),
        (
            "one in every four adults",
            &["percent `one in every four` =25"],
        ),
        ("5 per 1,000 live births", &["percent `5 per 1,000` =0.5"]),
        ("12 per 100,000", &["percent `12 per 100,000` =0.012"]),
    ]);
}

#[test]
fn money() {
    check(&[
        ("$250", &["money `$250` =250 USD"]),
        ("US$2,500", &["money `US$2,500` =2500 USD"]),
        ("€20", &["money `€20` =20 EUR"]),
        ("£160 million", &["money `£160 million` =160000000 GBP"]),
        ("USD 5,000", &["money `USD 5,000` =5000 USD"]),
        ("5,000 baht", &["money `5,000 baht` =5000 THB"]),
        ("300 riel", &["money `300 riel` =300 KHR"]),
        ("2,000 kyat", &["money `2,000 kyat` =2000 MMK"]),
        ("20 dollars", &["money `20 dollars` =20 USD"]),
        ("15 euros", &["money `15 euros` =15 EUR"]),
        ("$1.2 bn", &["money `$1.2 bn` =1200000000 USD"]),
        // The dollar sign dropped: "US" in capitals before a scaled amount.
        (
            "US 51.2 billion per year",
            &["money `US 51.2 billion` =51200000000 USD per=year"],
        ),
        ("US 95 north", &["number `95` =95 unit=north"]),
        ("give us 5 minutes", &["number `5` =5 unit=minutes"]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "100,000 to 200,000",
            &["number `100,000 to 200,000` [100000,200000]"],
        ),
        ("30-35%", &["percent `30-35%` [30,35]"]),
        ("30%-35%", &["percent `30%-35%` [30,35]"]),
        ("30–35 percent", &["percent `30–35 percent` [30,35]"]),
        ("between 40 and 45", &["number `between 40 and 45` [40,45]"]),
        (
            "between 2.5 and 3 million",
            &["number `between 2.5 and 3 million` [2500000,3000000]"],
        ),
        (
            "between six and eight thousand",
            &["number `between six and eight thousand` [6000,8000]"],
        ),
        ("20–30 euros", &["money `20–30 euros` [20,30] EUR"]),
        (
            "from 100,000 to more than 200,000 workers annually",
            &[
                "number `from 100,000 to more than 200,000` [100000,inf) more_than unit=workers per=year",
            ],
        ),
        (
            "from 900 to 1.2 million",
            &["number `from 900 to 1.2 million` [900,1200000]"],
        ),
        (
            "US$2,500 to $125,000",
            &["money `US$2,500 to $125,000` [2500,125000] USD"],
        ),
        (
            "$5-10 million",
            &["money `$5-10 million` [5000000,10000000] USD"],
        ),
        ("between 50 and 40", &["number `between 50 and 40` [50,40]"]),
        (
            "more than 20",
            &["number `more than 20` (20,inf) more_than"],
        ),
    ]);
}

#[test]
fn bounds_and_hedges() {
    check(&[
        ("over 300", &["number `over 300` (300,inf) more_than"]),
        ("above 5%", &["percent `above 5%` (5,inf) more_than"]),
        (
            "exceeding 1,000",
            &["number `exceeding 1,000` (1000,inf) more_than"],
        ),
        (
            "in excess of $5 million",
            &["money `in excess of $5 million` (5000000,inf) more_than USD"],
        ),
        (
            "upwards of 500",
            &["number `upwards of 500` (500,inf) more_than"],
        ),
        (
            "well over 10,000",
            &["number `well over 10,000` (10000,inf) more_than"],
        ),
        ("at least 15", &["number `at least 15` [15,inf) at_least"]),
        (
            "no fewer than 12 people",
            &["number `no fewer than 12` [12,inf) at_least unit=people"],
        ),
        (
            "as many as 256,800",
            &["number `as many as 256,800` (-inf,256800] at_most"],
        ),
        ("up to 60", &["number `up to 60` (-inf,60] at_most"]),
        ("at most 3", &["number `at most 3` (-inf,3] at_most"]),
        (
            "no more than 40",
            &["number `no more than 40` (-inf,40] at_most"],
        ),
        (
            "a maximum of 25",
            &["number `a maximum of 25` (-inf,25] at_most"],
        ),
        (
            "fewer than 10",
            &["number `fewer than 10` (-inf,10) less_than"],
        ),
        (
            "less than 7%",
            &["percent `less than 7%` (-inf,7) less_than"],
        ),
        ("under 18", &["number `under 18` (-inf,18) less_than"]),
        ("below 4%", &["percent `below 4%` (-inf,4) less_than"]),
        (
            "nearly 30 million",
            &["number `nearly 30 million` (-inf,30000000) nearly ~"],
        ),
        (
            "almost 20 percent",
            &["percent `almost 20 percent` (-inf,20) nearly ~"],
        ),
        (
            "just under 50%",
            &["percent `just under 50%` (-inf,50) nearly ~"],
        ),
        (
            "just over 40",
            &["number `just over 40` (40,inf) just_over ~"],
        ),
        ("about 70", &["number `about 70` =70 about ~"]),
        (
            "around 300 nurses",
            &["number `around 300` =300 about ~ unit=nurses"],
        ),
        ("roughly 1,500", &["number `roughly 1,500` =1500 about ~"]),
        (
            "approximately 2 million",
            &["number `approximately 2 million` =2000000 about ~"],
        ),
        (
            "some 28 million",
            &["number `some 28 million` =28000000 about ~"],
        ),
        (
            "an estimated 40.3 million people",
            &["number `an estimated 40.3 million` =40300000 about ~ unit=people"],
        ),
    ]);
}

#[test]
fn periods_and_counted_nouns() {
    check(&[
        ("close to 5,000", &["number `close to 5,000` =5000 about ~"]),
        ("$250 a month", &["money `$250` =250 USD per=month"]),
        (
            "200 cases per year",
            &["number `200` =200 unit=cases per=year"],
        ),
        (
            "10 migrants each year",
            &["number `10` =10 unit=migrants per=year"],
        ),
        (
            "5 deaths every year",
            &["number `5` =5 unit=deaths per=year"],
        ),
        (
            "100 arrests daily",
            &["number `100` =100 unit=arrests per=day"],
        ),
        ("3 meals a day", &["number `3` =3 unit=meals per=day"]),
        (
            "12 shipments per week",
            &["number `12` =12 unit=shipments per=week"],
        ),
        ("$40 monthly", &["money `$40` =40 USD per=month"]),
        (
            "2,000 workers a year",
            &["number `2,000` =2000 unit=workers per=year"],
        ),
        ("300 nurses", &["number `300` =300 unit=nurses"]),
        ("26 Cambodians", &["number `26` =26 unit=Cambodians"]),
        (
            "950 metric tons in 1994",
            &["number `950` =950 unit=tons", "year `1994` =1994"],
        ),
        (
            "14 people and injures 35 others",
            &["number `14` =14 unit=people", "number `35` =35 unit=others"],
        ),
        ("a 10-year sentence", &["number `10` =10 unit=year"]),
        // A verb of seeming is no counted noun.
        (
            "does 152 million sound about right?",
            &["number `152 million` =152000000"],
        ),
        ("5,000 seems low", &["number `5,000` =5000"]),
    ]);
}

#[test]
fn years_dates_times() {
    check(&[
        ("in 2010", &["year `2010` =2010"]),
        ("A 2010 UNIAP study", &["year `2010` =2010"]),
        ("2008 and 2015", &["year `2008` =2008", "year `2015` =2015"]),
        ("2011 to 2016", &["year `2011 to 2016` [2011,2016]"]),
        ("2020-21", &["year `2020-21` [2020,2021]"]),
        ("2020–2021", &["year `2020–2021` [2020,2021]"]),
        ("the 1990s", &["year `1990s` [1990,1999]"]),
        ("15 February 1989", &["year `1989` =1989"]),
        ("December 27, 2024", &["year `2024` =2024"]),
        ("on 3 March", &[]),
        ("2025-01-01", &[]),
        ("10:30", &[]),
        ("3 p.m.", &[]),
        ("at 9am", &[]),
        ("H1N1", &[]),
    ]);
}

#[test]
fn identifiers() {
    check(&[
        ("G7", &[]),
        ("COVID-19", &[]),
        ("Article 12", &[]),
        ("Section 4(a)", &[]),
        ("Highway 1", &[]),
        ("Tier 2 Watch List", &[]),
        ("No. 5", &[]),
        ("call +1 555 123 4567", &[]),
        ("(555) 123-4567", &[]),
        ("https://example.org/report/2019/42", &[]),
        ("mail me@example2020.org", &[]),
        ("second", &["ordinal `second` =2"]),
    ]);
}

#[test]
fn ordinals_and_pronouns() {
    check(&[
        ("32nd", &["ordinal `32nd` =32"]),
        ("the third round", &["ordinal `third` =3"]),
        ("twenty-first century", &["ordinal `twenty-first` =21"]),
        ("1st", &["ordinal `1st` =1"]),
        ("one of the largest", &[]),
        ("no one", &[]),
        (
            "nearly a quarter",
            &["percent `nearly a quarter` (-inf,25) nearly ~"],
        ),
        (
            "over a fifth",
            &["percent `over a fifth` (20,inf) more_than"],
        ),
        ("almost half", &["percent `almost half` (-inf,50) nearly ~"]),
        (
            "more than half of",
            &["percent `more than half` (50,inf) more_than"],
        ),
        ("a third of the population", &["percent `a third` =33.3333"]),
        ("the second half", &["ordinal `second` =2"]),
        ("in the first quarter", &["ordinal `first` =1"]),
        ("4-3 win", &[]),
    ]);
}

#[test]
fn scores_versions() {
    check(&[
        // A vote tally is two counts of votes; a game's score is no figure.
        ("51–50 vote", &["number `51` =51", "number `50` =50"]),
        ("version 1.2.3", &[]),
        ("10^400", &[]),
        ("drew 1–1 with Chelsea", &[]),
        ("won 2-1 (4-3 on penalties)", &[]),
        ("ages 18-25", &["number `18-25` [18,25] unit=years"]),
        ("in 1616 the Dutch arrived", &["year `1616` =1616"]),
        ("as early as 1200, farmers", &["year `1200` =1200"]),
        (
            "about 1200 people",
            &["number `about 1200` =1200 about ~ unit=people"],
        ),
        ("in about A.D. 800", &["year `800` =800"]),
        ("founded in 300 BC", &["year `300` =300"]),
        ("note 3: the atoll", &[]),
        (
            "Air strikes kill at least 26 villagers, including four children.",
            &[
                "number `at least 26` [26,inf) at_least unit=villagers",
                "number `four` =4 unit=children",
            ],
        ),
        (
            "A gunman kills 14 people and injures 35 others at a market.",
            &["number `14` =14 unit=people", "number `35` =35 unit=others"],
        ),
        (
            "The ministry sets a 19% duty on imported fishing nets.",
            &["percent `19%` =19"],
        ),
        (
            "Fines of US$2,500 to $125,000 apply.",
            &["money `US$2,500 to $125,000` [2500,125000] USD"],
        ),
        (
            "The bill passed in a 51–50 vote.",
            &["number `51` =51", "number `50` =50"],
        ),
        (
            "Pakistan shelters more than 3 million refugees and Iran about 3 million.",
            &[
                "number `more than 3 million` (3000000,inf) more_than unit=refugees",
                "number `about 3 million` =3000000 about ~",
            ],
        ),
        (
            "About 1.4 million Afghan refugees remain in Pakistan.",
            &["number `About 1.4 million` =1400000 about ~ unit=refugees"],
        ),
    ]);
}

#[test]
fn sentences() {
    check(&[
        (
            "GDP grew 2.4% in 2023 (2023 est.).",
            &[
                "percent `2.4%` =2.4",
                "year `2023` =2023",
                "year `2023` =2023",
            ],
        ),
        (
            "The economy contracted by 3.1 percent in 2020-21.",
            &["percent `3.1 percent` =3.1", "year `2020-21` [2020,2021]"],
        ),
        (
            "Unemployment fell to 5.2% from 6.1% a year ago.",
            &["percent `5.2%` =5.2", "percent `6.1%` =6.1"],
        ),
        (
            "Remittances reached $3.7 billion in 2019.",
            &["money `$3.7 billion` =3700000000 USD", "year `2019` =2019"],
        ),
        (
            "One in five children is stunted.",
            &["percent `One in five` =20"],
        ),
        (
            "Two-thirds of the workforce is employed in agriculture.",
            &["percent `Two-thirds` =66.6667"],
        ),
        (
            "Nearly half of the population lives below the poverty line.",
            &["percent `Nearly half` (-inf,50) nearly ~"],
        ),
        (
            "The country received more than 200,000 asylum seekers between 2014 and 2016.",
            &[
                "number `more than 200,000` (200000,inf) more_than unit=seekers",
                "year `between 2014 and 2016` [2014,2016]",
            ],
        ),
        (
            "Some 28 million people were in forced labour in 2021.",
            &[
                "number `Some 28 million` =28000000 about ~ unit=people",
                "year `2021` =2021",
            ],
        ),
        (
            "An estimated 49.6 million people were living in modern slavery on any given day in 2021.",
            &[
                "number `An estimated 49.6 million` =49600000 about ~ unit=people",
                "year `2021` =2021",
            ],
        ),
        (
            "The UNODC report counted 50,000 detected victims in 2018.",
            &["number `50,000` =50000 unit=victims", "year `2018` =2018"],
        ),
        (
            "Girls account for 19 percent of identified victims.",
            &["percent `19 percent` =19"],
        ),
        (
            "Men made up 45% of the workers surveyed.",
            &["percent `45%` =45"],
        ),
        (
            "Of the 1,500 fishermen surveyed, 17% had been trafficked.",
            &["number `1,500` =1500 unit=fishermen", "percent `17%` =17"],
        ),
        (
            "Illegal profits reached US$236 billion per year.",
            &["money `US$236 billion` =236000000000 USD per=year"],
        ),
        (
            "Workers earn 300 baht a day on average.",
            &["money `300 baht` =300 THB per=day"],
        ),
        (
            "The company paid €1.2m in fines.",
            &["money `€1.2m` =1200000 EUR"],
        ),
        (
            "Inflation was running at 12.5 per cent.",
            &["percent `12.5 per cent` =12.5"],
        ),
        (
            "Tier 2 Watch List - the government did not show evidence of increasing efforts.",
            &[],
        ),
        (
            "In May 2025, 300 migrants drowned off the coast.",
            &["year `2025` =2025", "number `300` =300 unit=migrants"],
        ),
        (
            "On 12 June, the parliament voted 120 to 45 to approve the law.",
            &["number `120` =120", "number `45` =45"],
        ),
        (
            "The 2022 Global Estimates found 27.6 million in forced labour.",
            &["year `2022` =2022", "number `27.6 million` =27600000"],
        ),
        (
            "The ILO estimated 20.9 million victims of forced labour in 2012.",
            &[
                "number `20.9 million` =20900000 unit=victims",
                "year `2012` =2012",
            ],
        ),
        (
            "Between 2.5 and 3 million people were displaced.",
            &["number `Between 2.5 and 3 million` [2500000,3000000] unit=people"],
        ),
        (
            "Between six and eight thousand migrants crossed each month.",
            &["number `Between six and eight thousand` [6000,8000] unit=migrants per=month"],
        ),
        (
            "Rents rose 30-35% over five years.",
            &["percent `30-35%` [30,35]", "number `five` =5 unit=years"],
        ),
        (
            "Almost 20 percent of respondents reported debt bondage.",
            &["percent `Almost 20 percent` (-inf,20) nearly ~"],
        ),
        (
            "At least 13 Islamic State militants were killed.",
            &["number `At least 13` [13,inf) at_least unit=militants"],
        ),
        (
            "At least ten others are missing.",
            &["number `At least ten` [10,inf) at_least unit=others"],
        ),
        (
            "The earthquake killed 1,200 people and injured more than 3,000.",
            &[
                "number `1,200` =1200 unit=people",
                "number `more than 3,000` (3000,inf) more_than",
            ],
        ),
        (
            "The ceasefire lasted 72 hours.",
            &["number `72` =72 unit=hours"],
        ),
        ("The 1990s saw rapid growth.", &["year `1990s` [1990,1999]"]),
        (
            "Between 1990 and 2000, exports doubled.",
            &["year `Between 1990 and 2000` [1990,2000]"],
        ),
        (
            "The project will cost $5-10 million.",
            &["money `$5-10 million` [5000000,10000000] USD"],
        ),
        (
            "The tax rate is 1 in 200 for small firms.",
            &["percent `1 in 200` =0.5"],
        ),
        (
            "The fishing fleet has 3,000 boats.",
            &["number `3,000` =3000 unit=boats"],
        ),
        ("The 2019 elections were contested.", &["year `2019` =2019"]),
        (
            "Protests in 2019 drew thousands of people.",
            &[
                "year `2019` =2019",
                "number `thousands` [2000,inf) vague ~ unit=people",
            ],
        ),
        (
            "He was sentenced to 12 years in prison.",
            &["number `12` =12 unit=years"],
        ),
        (
            "Highway 1 was closed for 3 days.",
            &["number `3` =3 unit=days"],
        ),
        (
            "COVID-19 killed 7 million people worldwide.",
            &["number `7 million` =7000000 unit=people"],
        ),
        (
            "The G7 pledged $600 billion.",
            &["money `$600 billion` =600000000000 USD"],
        ),
        (
            "Visit https://www.example.org/2024/report for details.",
            &[],
        ),
        ("Call 555-123-4567 for help.", &[]),
        ("The meeting is at 10:30 a.m. on March 3.", &[]),
        (
            "Ukraine's GDP fell 29.1% in 2022.",
            &["percent `29.1%` =29.1", "year `2022` =2022"],
        ),
        ("The vote was 4-3(7-6) on aggregate.", &[]),
        (
            "Nine out of ten victims were women and girls.",
            &["percent `Nine out of ten` =90"],
        ),
        (
            "The rate was 5 per 1,000 live births.",
            &["percent `5 per 1,000` =0.5"],
        ),
        (
            "It is the world's second-largest producer.",
            &["ordinal `second` =2"],
        ),
        (
            "The 32nd summit opened in Bangkok.",
            &["ordinal `32nd` =32"],
        ),
    ]);
}

#[test]
fn changes_are_not_ranges() {
    check(&[
        (
            "lowered the age from 35 to 30",
            &["number `35` =35", "number `30` =30"],
        ),
        (
            "inflation fell from more than 100% to 5%",
            &[
                "percent `more than 100%` (100,inf) more_than",
                "percent `5%` =5",
            ],
        ),
    ]);
}
