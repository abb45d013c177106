"""The stories of the page corpus: headline, date, paragraphs (headings and list items
are paragraphs too, as brief keeps them). `make.py` dresses each in a publisher's page."""

from __future__ import annotations

STORIES: list[dict[str, object]] = [
    {
        "title": "Kosovo: Statement by the High Representative on the latest developments in "
                 "the north",
        "date": "2023-09-25",
        "paragraphs": [
            "The European Union strongly condemns the attack by a well-organised armed group "
            "against Kosovo Police officers in Banjska on 24 September, which resulted in the "
            "death of a police officer and injured others.",
            "All facts about the attack must be established and the perpetrators must face "
            "justice. The EU calls on Serbia to cooperate fully with the investigation and to "
            "take all necessary steps to de-escalate the situation.",
            "The EU reiterates its full support to KFOR and EULEX, which remain ready to act "
            "within their mandates. Freedom of movement must be guaranteed throughout Kosovo.",
            "Both parties must return to the EU-facilitated Dialogue without delay and "
            "implement the Agreement on the path to normalisation and its Implementation "
            "Annex.",
        ],
    },
    {
        "title": "NATO Secretary General meets the Prime Minister of Kosovo",
        "date": "2024-03-12",
        "paragraphs": [
            "NATO Secretary General Jens Stoltenberg met with the Prime Minister of Kosovo, "
            "Albin Kurti, at NATO Headquarters in Brussels on Tuesday. They discussed the "
            "security situation in the north of Kosovo and the role of the NATO-led KFOR "
            "mission.",
            "The Secretary General said that KFOR has increased its presence following the "
            "attack in Banjska last September, with more than 4,500 troops now deployed. "
            "\"KFOR will continue to provide a safe and secure environment for all people "
            "living in Kosovo,\" he said.",
            "Mr Stoltenberg urged Pristina and Belgrade to engage in good faith in the "
            "EU-facilitated Dialogue, which he described as the only way to lasting peace "
            "in the region.",
        ],
    },
    {
        "title": "Sudan: UN agencies warn of famine as fighting blocks aid convoys",
        "date": "2024-06-27",
        "paragraphs": [
            "Humanitarian agencies warned on Thursday that millions of people in Sudan face "
            "famine in the coming months, as fighting between the Sudanese Armed Forces and "
            "the Rapid Support Forces continues to block aid convoys.",
            "The World Food Programme (WFP) said that its trucks had been unable to reach "
            "the city of El Fasher for more than six weeks. \"We are running out of time,\" "
            "a spokesperson told journalists in Geneva.",
            "According to the Integrated Food Security Phase Classification, some 755,000 "
            "people are already facing catastrophic hunger. The UN refugee agency, UNHCR, "
            "reported that more than two million people have fled to neighbouring countries "
            "since April 2023.",
            "The Secretary-General renewed his call for an immediate ceasefire and for safe, "
            "unimpeded humanitarian access across front lines and borders.",
        ],
    },
    {
        "title": "Secretary Blinken's Call with Serbian President Vucic",
        "date": "2023-10-02",
        "paragraphs": [
            "The below is attributable to Spokesperson Matthew Miller:",
            "Secretary of State Antony J. Blinken spoke today with Serbian President "
            "Aleksandar Vucic to discuss the need to de-escalate tensions in northern Kosovo "
            "following the violent attack of September 24.",
            "The Secretary underscored that those responsible for the attack must be held "
            "accountable, and welcomed Serbia's stated commitment to cooperate with the "
            "investigation.",
            "Secretary Blinken expressed support for KFOR's increased presence and urged "
            "Serbia to reduce its military deployment along the administrative boundary line.",
        ],
    },
    {
        "title": "Minister Novak meets the Foreign Minister of Moldova",
        "date": "2024-02-14",
        "paragraphs": [
            "Minister of Foreign Affairs Petra Novák received the Foreign Minister of the "
            "Republic of Moldova, Mihai Popșoi, for talks on European integration, energy "
            "security and support for Ukraine.",
            "The ministers signed a memorandum on cooperation in the field of energy, under "
            "which experts from both ministries will meet twice a year. Minister Novák "
            "stressed that Moldova’s path to membership of the European Union “is also our "
            "path”.",
            "The two ministers also discussed the situation in Transnistria and the "
            "activities of the OSCE Mission to Moldova, whose mandate was extended in "
            "December.",
        ],
    },
    {
        "title": "Council adopts new sanctions against those responsible for destabilising "
                 "the Sahel",
        "date": "2023-12-11",
        "paragraphs": [
            "The Council today adopted a framework for restrictive measures targeting persons "
            "and entities responsible for actions that threaten the peace, stability and "
            "security of Niger, or that undermine the constitutional order.",
            "The framework allows the EU to impose an asset freeze and a travel ban on those "
            "responsible. It also prohibits making funds or economic resources available to "
            "the persons and entities listed.",
            "Background",
            "On 26 July 2023, members of the presidential guard detained President Mohamed "
            "Bazoum. The EU has since suspended its budget support and its security "
            "cooperation with Niger.",
            "The legal acts will be published in the Official Journal of the EU.",
        ],
    },
    {
        "title": "Ukraine: OSCE Special Monitoring Mission archive made public",
        "date": "2023-05-03",
        "paragraphs": [
            "VIENNA, 3 May 2023 – The OSCE today opened the archive of its Special Monitoring "
            "Mission to Ukraine (SMM), which observed the situation on the ground from March "
            "2014 until its closure in 2022.",
            "The archive holds more than 1,800 daily and spot reports, as well as thematic "
            "reports on civilian casualties, freedom of movement and the situation of "
            "people living near the contact line.",
            "\"These reports are an impartial record of eight years of conflict,\" said the "
            "OSCE Secretary General, Helga Maria Schmid.",
            "Researchers and journalists can search the reports by date, place and topic.",
        ],
    },
    {
        "title": "Security Council extends mandate of UN mission in South Sudan for one year",
        "date": "2024-04-30",
        "paragraphs": [
            "The Security Council today decided to extend the mandate of the United Nations "
            "Mission in South Sudan (UNMISS) until 30 April 2025, adopting resolution 2729 "
            "(2024) by 13 votes in favour to none against, with 2 abstentions.",
            "By the text, the Council maintained the mission's overall force levels, with a "
            "troop ceiling of 17,000 and a police ceiling of 2,101 personnel.",
            "The Council also called on the Government to create the conditions for free and "
            "fair elections, scheduled for December 2024, and to protect civic and political "
            "space.",
            "Speaking after the vote, several members expressed concern about the slow pace "
            "of the implementation of the Revitalized Agreement signed in September 2018.",
        ],
    },
    {
        "title": "Joint press release following the EU-Western Balkans ministerial forum",
        "date": "2024-10-18",
        "paragraphs": [
            "Ministers of Justice and Home Affairs of the European Union and the Western "
            "Balkans met in Budva on 17 and 18 October to discuss the fight against "
            "organised crime, migration management and the rule of law.",
            "The participants agreed on the following priorities:",
            "stronger cooperation between police and judicial authorities;",
            "joint action against migrant smuggling networks;",
            "alignment with the EU visa policy.",
            "The next forum will be held in the autumn of 2025 under the Polish "
            "Presidency of the Council.",
        ],
    },
    {
        "title": "High Representative travels to Sarajevo and Belgrade",
        "date": "2024-01-22",
        "paragraphs": [
            "High Representative/Vice-President Josep Borrell will travel to Bosnia and "
            "Herzegovina and to Serbia from 23 to 25 January.",
            "In Sarajevo, he will meet the members of the Presidency and the Chair of the "
            "Council of Ministers to discuss the reforms needed to open accession "
            "negotiations with the European Union.",
            "In Belgrade, the High Representative will meet President Aleksandar Vučić and "
            "Prime Minister Ana Brnabić. The normalisation of relations between Belgrade and "
            "Pristina will be at the centre of the talks.",
        ],
    },
    {
        "title": "Allies agree new force model at Defence Ministers' meeting",
        "date": "2023-06-16",
        "paragraphs": [
            "NATO Defence Ministers agreed on Friday a new generation of defence plans, the "
            "most comprehensive since the end of the Cold War, together with a new force "
            "model that will make 300,000 troops available at high readiness.",
            "Ministers also discussed support for Ukraine with the Ukrainian Minister of "
            "Defence, Oleksii Reznikov, and agreed to strengthen the Comprehensive Assistance "
            "Package.",
            "The decisions prepare the Vilnius Summit on 11 and 12 July, where Allied leaders "
            "are expected to endorse the plans.",
        ],
    },
    {
        "title": "Human Rights Council opens its 55th session in Geneva",
        "date": "2024-02-26",
        "paragraphs": [
            "The Human Rights Council opened its fifty-fifth regular session in Geneva on "
            "Monday, with a high-level segment in which more than 130 dignitaries are "
            "expected to speak.",
            "The UN High Commissioner for Human Rights, Volker Türk, told the Council that "
            "the world was at a \"turning point\", citing the wars in Gaza, Ukraine and Sudan "
            "and the erosion of civic space in many countries.",
            "The session runs until 5 April and will consider more than 80 reports, including "
            "those of the commissions of inquiry on Syria and on the Occupied Palestinian "
            "Territory.",
        ],
    },
    # -- held out: the stories of the held-out pages ------------------------------------
    {
        "title": "OSCE Chairperson-in-Office visits Central Asia",
        "date": "2023-04-14",
        "paragraphs": [
            "ASTANA, 14 April 2023 – The OSCE Chairperson-in-Office, North Macedonia's "
            "Foreign Minister Bujar Osmani, concluded a four-day visit to Kazakhstan, "
            "Kyrgyzstan and Tajikistan today.",
            "In meetings with the Presidents and Foreign Ministers of the three countries, "
            "Osmani discussed border management, water security and the effects of the war "
            "against Ukraine on the region.",
            "He also met with representatives of civil society and visited the OSCE Border "
            "Management Staff College in Dushanbe, which has trained more than 6,000 officers "
            "since 2009.",
        ],
    },
    {
        "title": "Foreign Affairs Council, 22 April 2024: main results",
        "date": "2024-04-22",
        "paragraphs": [
            "The Foreign Affairs Council discussed the Russian aggression against Ukraine, "
            "the situation in the Middle East and the Sahel.",
            "Ministers agreed to step up the delivery of air defence systems to Ukraine and "
            "discussed the use of windfall profits from immobilised Russian assets.",
            "On the Middle East, the High Representative briefed ministers on the latest "
            "developments following the attack by Iran against Israel on 13 April.",
            "Ministers also exchanged views on the Sahel, where the EU is reviewing its "
            "engagement after the withdrawal of Mali, Burkina Faso and Niger from ECOWAS.",
        ],
    },
    {
        "title": "Why the Brcko District still matters for Bosnia and Herzegovina",
        "date": "2023-08-03",
        "paragraphs": [
            "Twenty-five years after the Final Award, the Brcko District remains the only "
            "part of Bosnia and Herzegovina where a single administration serves all "
            "communities.",
            "A model under strain",
            "Local officials say the district's institutions are weakened by disputes over "
            "the budget and by the departure of young people, many of whom leave for "
            "Germany and Austria.",
            "\"Brcko shows that shared institutions can work,\" said a former supervisor. "
            "\"But they need political will from Sarajevo, Banja Luka and the parties.\"",
            "What comes next",
            "The Peace Implementation Council will review the supervision regime at its next "
            "meeting in December.",
        ],
    },
    {
        "title": "Deputy Secretary Campbell's Meeting with Albanian Prime Minister Rama",
        "date": "2024-05-09",
        "paragraphs": [
            "The below is attributable to Spokesperson Matthew Miller:",
            "Deputy Secretary of State Kurt M. Campbell met today with Albanian Prime "
            "Minister Edi Rama in Washington. The Deputy Secretary thanked Prime Minister "
            "Rama for Albania's leadership as a NATO Ally and for its support for Ukraine.",
            "They discussed regional security in the Western Balkans, Albania's progress "
            "toward membership of the European Union, and cooperation on energy and "
            "the fight against corruption.",
        ],
    },
    {
        "title": "UN chief appoints new envoy for the Great Lakes region",
        "date": "2024-07-08",
        "paragraphs": [
            "Secretary-General António Guterres announced on Monday the appointment of Huang "
            "Xia of China as his Special Envoy for the Great Lakes Region, succeeding an "
            "envoy who served since 2019.",
            "Mr Huang brings more than 30 years of experience in diplomacy, including as "
            "Ambassador to Niger, Senegal and the Republic of the Congo.",
            "The Special Envoy supports the implementation of the Peace, Security and "
            "Cooperation Framework for the Democratic Republic of the Congo and the Region, "
            "signed in Addis Ababa in February 2013.",
        ],
    },
    {
        "title": "Minister Kowalczyk receives credentials of new ambassadors",
        "date": "2024-09-05",
        "paragraphs": [
            "Deputy Minister of Foreign Affairs Anna Kowalczyk received copies of the "
            "credentials of the new ambassadors of Estonia, Georgia and Montenegro.",
            "During the meetings, the Deputy Minister discussed bilateral relations, "
            "cooperation in the Three Seas Initiative and preparations for the Polish "
            "Presidency of the Council of the European Union, which begins in January 2025.",
            "Ambassador Gołębiowski of Montenegro thanked Poland for its support for "
            "Montenegro’s accession negotiations, in which 33 chapters have been opened.",
        ],
    },
]
"""The first twelve dress the dev pages, the last six the held-out pages."""
