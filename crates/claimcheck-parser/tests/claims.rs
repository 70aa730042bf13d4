//! Table tests of claims: for each sentence, the figure that starts with the given text and
//! the parts of its claim (subject, subgroup, predicate, hedge, time, basis, source) that a
//! careful reader would give it. Parts not listed must be absent.

mod support;

use claimcheck_parser::{ClaimReader, Extractor};

fn check(cases: &[(&str, &str, &str)]) {
    let extractor = Extractor::default();
    let reader = ClaimReader::default();
    let mut failures = Vec::new();
    for (text, figure, want) in cases {
        let found = extractor.extract(text);
        let claims = reader.claims(text, &found.mentions);
        let got = found
            .mentions
            .iter()
            .zip(&claims)
            .find(|(m, _)| text[m.span.range()].starts_with(figure))
            .map(|(_, c)| support::describe_claim(text, c));
        match got {
            Some(got) if got == *want => {}
            got => failures.push(format!(
                "{text:?} [{figure}]\n  want {want:?}\n  got  {got:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn claims() {
    check(&[
        (
            "A legal aid group that handles dozens of trafficking cases annually said it had seen only one case.",
            "dozens",
            "subject=trafficking cases; source=A legal aid group",
        ),
        (
            "A 2010 UNIAP study found that 23 percent of all Cambodian labor migrants in Thailand fall victim to human trafficking.",
            "23 percent",
            "subject=Cambodian labor migrants in Thailand; predicate=fall victim to human trafficking; source=A 2010 UNIAP study [UNIAP] [2010]",
        ),
        (
            "Men made up 45% of the workers surveyed.",
            "45%",
            "subject=workers surveyed; subgroup=Men",
        ),
        (
            "Girls account for 19 percent of identified victims.",
            "19 percent",
            "subject=identified victims; subgroup=Girls; basis=identified",
        ),
        (
            "One in three respondents was a woman.",
            "One in three",
            "subject=respondents; predicate=was a woman",
        ),
        (
            "Estimates of the number of Cambodian labor migrants entering Thailand vary from 100,000 to more than 200,000 workers annually.",
            "from 100,000",
            "subject=Cambodian labor migrants entering Thailand; time=annually",
        ),
        (
            "Of the 1,500 fishermen surveyed, 17% had been trafficked.",
            "1,500",
            "subject=fishermen surveyed",
        ),
        (
            "3.3 million children were in forced labour in 2016.",
            "3.3 million",
            "subject=children; predicate=were in forced labour; time=in 2016",
        ),
        (
            "More than 20 percent of Cambodian migrant workers in Thailand are believed to be falling victim to trafficking.",
            "More than 20 percent",
            "subject=Cambodian migrant workers in Thailand; predicate=falling victim to trafficking; hedge=are believed to be",
        ),
        (
            "Some 28 million people were in forced labour on any given day in 2021, the ILO said.",
            "Some 28 million",
            "subject=people; predicate=were in forced labour on any given day in 2021; time=on any given day; source=the ILO [ILO]",
        ),
        (
            "According to Human Rights Watch, 40 percent of domestic workers had their passports confiscated.",
            "40 percent",
            "subject=domestic workers; predicate=had their passports confiscated; source=Human Rights Watch [Human Rights Watch]",
        ),
        (
            "The Interior Ministry report said 1,200 victims were rescued last year.",
            "1,200",
            "subject=victims; predicate=were rescued; time=last year; basis=rescued; source=The Interior Ministry report [Interior Ministry]",
        ),
        (
            "The World Bank estimates that remittances reached $3.7 billion in 2019.",
            "$3.7 billion",
            "subject=remittances; predicate=reached; time=in 2019; source=The World Bank [World Bank]",
        ),
        (
            "About 60 percent of the victims were women, the IOM said.",
            "About 60 percent",
            "subject=victims; predicate=were women; source=the IOM [IOM]",
        ),
        (
            "In a 2019 survey by the ILO, 17 percent of fishers reported forced labour.",
            "17 percent",
            "subject=fishers; predicate=reported forced labour; basis=reported; source=a 2019 survey by the ILO [ILO] [2019]",
        ),
        (
            "The 2023 Global Slavery Index found that 50 million people were living in modern slavery.",
            "50 million",
            "subject=people; predicate=were living in modern slavery; source=The 2023 Global Slavery Index [Global Slavery Index] [2023]",
        ),
        (
            "UNODC released its report in 2024. It found that 38 percent of detected victims were children.",
            "38 percent",
            "subject=detected victims; predicate=were children; basis=detected; source=UNODC [UNODC] [2024]",
        ),
        (
            "Girls made up 19% of detected victims in 2020, according to UNODC.",
            "19%",
            "subject=detected victims; subgroup=Girls; time=in 2020; basis=detected; source=UNODC [UNODC]",
        ),
        (
            "An estimated 49.6 million people were living in modern slavery on any given day in 2021.",
            "An estimated 49.6 million",
            "subject=people; predicate=were living in modern slavery on any given day in 2021; hedge=An estimated; time=on any given day; basis=estimated",
        ),
        (
            "Police reportedly arrested 300 suspects over five years.",
            "300",
            "subject=suspects; hedge=reportedly",
        ),
        (
            "The unemployment rate was 5.2% in 2023.",
            "5.2%",
            "subject=unemployment rate; predicate=was; time=in 2023",
        ),
        (
            "Remittances reached $3.7 billion in 2019.",
            "$3.7 billion",
            "subject=Remittances; predicate=reached; time=in 2019",
        ),
        (
            "Nearly half of the population lives below the poverty line.",
            "Nearly half",
            "subject=population; predicate=lives below the poverty line",
        ),
        (
            "Two-thirds of the workforce is employed in agriculture.",
            "Two-thirds",
            "subject=workforce; predicate=is employed in agriculture",
        ),
        (
            "Workers earn 300 baht a day on average.",
            "300 baht",
            "subject=Workers; predicate=earn",
        ),
        (
            "At least 26 villagers, including four children, were killed.",
            "At least 26",
            "subject=villagers",
        ),
        (
            "At least 26 villagers, including four children, were killed.",
            "four",
            "subject=children",
        ),
        (
            "The survey of 400 deportees found that 23% had been trafficked.",
            "23%",
            "predicate=had been trafficked; source=The survey of 400 deportees",
        ),
        (
            "The survey of 400 deportees found that 23% had been trafficked.",
            "400",
            "subject=deportees",
        ),
        (
            "Researchers interviewed 400 deportees at the Poipet checkpoint in 2009.",
            "400",
            "subject=deportees at the Poipet checkpoint; time=in 2009",
        ),
        (
            "Only 5 percent of cases reach court, officials said.",
            "5 percent",
            "subject=cases; predicate=reach court; source=officials",
        ),
        (
            "Roughly 1 in 4 victims is a child, the agency reported.",
            "Roughly 1 in 4",
            "subject=victims; predicate=is a child; source=the agency",
        ),
        (
            "Forced labour generates $236 billion in illegal profits per year, the ILO estimates.",
            "$236 billion",
            "subject=Forced labour; predicate=generates; source=the ILO [ILO]",
        ),
        (
            "The number of identified victims rose to 7,000 in 2022.",
            "7,000",
            "subject=identified victims; time=in 2022; basis=identified",
        ),
        (
            "Nine out of ten victims were women and girls, according to the US State Department.",
            "Nine out of ten",
            "subject=victims; predicate=were women and girls; source=the US State Department [US State Department]",
        ),
        (
            "An estimated 24.9 million people were in forced labour at any point in time in 2016.",
            "An estimated 24.9 million",
            "subject=people; predicate=were in forced labour at any point in time in 2016; hedge=An estimated; time=at any point in time; basis=estimated",
        ),
        (
            "Child labour affects 152 million children worldwide.",
            "152 million",
            "subject=children",
        ),
        (
            "Over 10,000 migrants crossed the border each month, border police said.",
            "Over 10,000",
            "subject=migrants; predicate=crossed the border each month; source=border police",
        ),
        (
            "Men made up 45% of the workers surveyed and women 55%.",
            "45%",
            "subject=workers surveyed; subgroup=Men",
        ),
        (
            "In 2021, 27.6 million people were in forced labour and 22 million in forced marriage.",
            "27.6 million",
            "subject=people; predicate=were in forced labour; time=In 2021",
        ),
        (
            "In 2021, 27.6 million people were in forced labour and 22 million in forced marriage.",
            "22 million",
            "",
        ),
        (
            "Some 300 nurses left the country last year.",
            "Some 300",
            "subject=nurses; predicate=left the country; time=last year",
        ),
        (
            "The agency counted 1,500 trafficking cases in 2019.",
            "1,500",
            "subject=trafficking cases; time=in 2019; source=The agency",
        ),
        (
            "Thailand hosts 2.3 million registered migrant workers, according to the Labour Ministry.",
            "2.3 million",
            "subject=registered migrant workers; basis=registered; source=the Labour Ministry [Labour Ministry]",
        ),
        (
            "An estimated 40.3 million people were in modern slavery in 2016, according to the Global Estimates.",
            "An estimated 40.3 million",
            "subject=people; predicate=were in modern slavery; hedge=An estimated; time=in 2016; basis=estimated; source=the Global Estimates [Global Estimates of Modern Slavery]",
        ),
        (
            "Walk Free published its index in 2023. It estimated that 50 million people live in modern slavery.",
            "50 million",
            "subject=people; predicate=live in modern slavery; basis=estimated; source=Walk Free [Walk Free]",
        ),
        (
            "Walk Free published its index in 2023. Campaigners say 60 million people live in modern slavery.",
            "60 million",
            "subject=people; predicate=live in modern slavery; source=Campaigners",
        ),
        (
            "The report was released in Geneva. About 25 percent of victims were children.",
            "About 25 percent",
            "subject=victims; predicate=were children",
        ),
        (
            "Fewer than 1 percent of victims are identified each year.",
            "Fewer than 1 percent",
            "subject=victims; predicate=are identified; time=each year; basis=identified",
        ),
        (
            "Up to 60 percent of the crew were from Myanmar, the Environmental Justice Foundation said.",
            "Up to 60 percent",
            "subject=crew; predicate=were from Myanmar; source=the Environmental Justice Foundation [Environmental Justice Foundation]",
        ),
        (
            "Almost 20 percent of respondents reported debt bondage.",
            "Almost 20 percent",
            "subject=respondents; predicate=reported debt bondage; basis=reported",
        ),
        (
            "Migrants send home $200 a month on average.",
            "$200",
            "subject=Migrants; predicate=send",
        ),
        (
            "Over five years, arrests doubled to 4,000.",
            "4,000",
            "subject=arrests; predicate=doubled",
        ),
        (
            "Between 2014 and 2016, the country received more than 200,000 asylum seekers.",
            "more than 200,000",
            "subject=asylum seekers; time=Between 2014 and 2016",
        ),
        (
            "Women accounted for 71 percent of all victims detected globally, UNODC said.",
            "71 percent",
            "subject=victims; subgroup=Women; predicate=detected globally; basis=detected; source=UNODC [UNODC]",
        ),
        (
            "The Trafficking in Persons Report identified 90,354 victims in 2022.",
            "90,354",
            "subject=victims; time=in 2022; basis=identified",
        ),
        (
            "Authorities rescued 1,200 victims, the ministry said.",
            "1,200",
            "subject=victims; basis=rescued; source=the ministry",
        ),
        (
            "Of the 400 people interviewed, 92 were trafficked.",
            "92",
            "predicate=were trafficked",
        ),
        (
            "Of the 400 people interviewed, 92 were trafficked.",
            "400",
            "subject=people interviewed",
        ),
        (
            "About 1.2 million Cambodians work in Thailand, the World Bank estimates.",
            "About 1.2 million",
            "subject=Cambodians; predicate=work in Thailand; source=the World Bank [World Bank]",
        ),
        (
            "Half of the victims were under 18, according to the Freedom Fund.",
            "Half",
            "subject=victims; predicate=were; source=the Freedom Fund [Freedom Fund]",
        ),
        (
            "The fleet employs 50,000 fishers, most of them from Myanmar.",
            "50,000",
            "subject=fishers",
        ),
        (
            "The gang allegedly trafficked 85 women into forced prostitution.",
            "85",
            "subject=women; hedge=allegedly",
        ),
        (
            "Nearly a third of the crews were from Myanmar.",
            "Nearly a third",
            "subject=crews; predicate=were from Myanmar",
        ),
        (
            "The UN says 3 million people have fled since 2022.",
            "3 million",
            "subject=people; predicate=have fled; time=since 2022; source=The UN [United Nations]",
        ),
        (
            "Child labour affects 152 million children worldwide.",
            "152 million",
            "subject=children",
        ),
        (
            "The ILO's 2017 estimate put the number of people in forced labour at 24.9 million.",
            "24.9 million",
            "subject=people in forced labour; source=The ILO's 2017 estimate [ILO] [2017]",
        ),
        (
            "A quarter of the world's refugees live in Turkey, UNHCR reported.",
            "A quarter",
            "subject=world's refugees; predicate=live in Turkey; source=UNHCR [UNHCR]",
        ),
        (
            "Profits from forced labour rose to $236 billion a year, up from $150 billion in 2014.",
            "$236 billion",
            "subject=Profits from forced labour; predicate=rose",
        ),
        (
            "Profits from forced labour rose to $236 billion a year, up from $150 billion in 2014.",
            "$150 billion",
            "time=in 2014",
        ),
        (
            "Estimates of the number of victims range from 10,000 to 30,000.",
            "from 10,000",
            "subject=victims",
        ),
        (
            "He said 12 workers had died at sea.",
            "12",
            "subject=workers; predicate=had died at sea",
        ),
        (
            "Roughly 70 percent of remittances are spent on food, a 2018 IOM survey found.",
            "Roughly 70 percent",
            "subject=remittances; predicate=are spent on food; source=a 2018 IOM survey [IOM] [2018]",
        ),
        (
            "The population of the camp reached 900,000 in 2017.",
            "900,000",
            "subject=population of the camp; predicate=reached; time=in 2017",
        ),
        (
            "Police identified 300 victims of trafficking in the first half of the year.",
            "300",
            "subject=victims; basis=identified",
        ),
        (
            "More than 3 million refugees live in Pakistan, and about 1.4 million in Iran.",
            "More than 3 million",
            "subject=refugees; predicate=live in Pakistan",
        ),
        (
            "More than 3 million refugees live in Pakistan, and about 1.4 million in Iran.",
            "about 1.4 million",
            "",
        ),
        (
            "The study, published by the Freedom Fund in 2020, found that 19% of domestic workers were in forced labour.",
            "19%",
            "subject=domestic workers; predicate=were in forced labour; source=The study, published by the Freedom Fund in 2020 [Freedom Fund] [2020]",
        ),
        (
            "The number of detected victims fell by 11 percent in 2020.",
            "11 percent",
            "subject=number of detected victims; predicate=fell; time=in 2020; basis=detected",
        ),
        (
            "Around 40 percent of detected victims are adult women at any given time.",
            "Around 40 percent",
            "subject=detected victims; predicate=are adult women; time=at any given time; basis=detected",
        ),
        (
            "Government officials said the figure was 6,500 victims.",
            "6,500",
            "subject=victims; source=Government officials",
        ),
        (
            "Tier 2 Watch List countries reported 4,000 prosecutions.",
            "4,000",
            "subject=prosecutions; basis=reported; source=Tier 2 Watch List countries",
        ),
        (
            "An estimated 3.3 million children are in forced labour on any given day.",
            "An estimated 3.3 million",
            "subject=children; predicate=are in forced labour; hedge=An estimated; time=on any given day; basis=estimated",
        ),
        (
            "Only 5 percent of cases reach court.",
            "5 percent",
            "subject=cases; predicate=reach court",
        ),
    ]);
}

#[test]
fn example_article_claims() {
    let text = include_str!("../../../data/examples/cambodia-migrants.txt");
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let lines: Vec<String> = found
        .mentions
        .iter()
        .zip(&claims)
        .map(|(m, c)| {
            format!(
                "{} => {}",
                &text[m.span.range()],
                support::describe_claim(text, c)
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
