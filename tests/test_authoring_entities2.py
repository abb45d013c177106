"""Named entities of official pages of the kinds of articles-dev-entities2.yaml: places
told by an appositive, a port, a camp, a river or a preposition, gazetteer names written
another way, a bare head before "in" and a place, the head of a name before a purpose
clause, names in capitals of other languages, and acronyms of long foreign or translated
names. Each rule is read from a sentence of the shape real pages have, and its
counter-case where there is one."""

from __future__ import annotations

from briefcli.authoring.acronyms import find_acronyms
from briefcli.authoring.names import NamedEntity, find_names


def names(text: str) -> dict[str, NamedEntity]:
    return {e.name: e for e in find_names(text, find_acronyms(text))}


def kinds(text: str) -> dict[str, str | None]:
    return {e.name: e.kind for e in find_names(text, find_acronyms(text))}


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_acronyms(text)]


# ------------------------------------------------------------------------------ places


def test_a_place_after_a_title_and_on_is_named() -> None:
    found = kinds("Mirzoyan briefed the Secretary on Yerevan's efforts to diversify trade.")
    assert found["Yerevan"] == "place"


def test_a_town_told_by_an_appositive_capital_is_a_place() -> None:
    found = kinds("The RSF launched an offensive on El Fasher, the capital of North Darfur.")
    assert found["El Fasher"] == "place"
    # a person's appositive says nothing of a place
    assert kinds("The Council heard Hans Grundberg, the Special Envoy.").get(
        "Hans Grundberg") != "place"


def test_a_port_camp_settlement_or_river_named_as_such_is_a_place() -> None:
    found = names("Debris fell across from the Ukrainian port of Izmail. Fighters attacked "
                  "the Zamzam camp for displaced persons. Refugees shelter in the Kumer and "
                  "Awlala settlements. Troops retook villages along the Shabelle river.")
    for place in ("Izmail", "Zamzam", "Kumer", "Awlala", "Shabelle"):
        assert found[place].kind == "place", place
    assert "Zamzam camp" in found["Zamzam"].aliases
    assert "Shabelle river" in found["Shabelle"].aliases
    assert not found["Kumer"].aliases  # "Kumer and Awlala settlements" names no one place


def test_a_name_near_the_is_a_place_but_a_body_stays_a_body() -> None:
    assert kinds("Drone debris fell near the Danube overnight.")["Danube"] == "place"
    assert kinds("Protesters gathered near the Kosovo Police station.")["Kosovo Police"] \
        == "organization"


def test_a_city_written_with_an_apostrophe_is_found_and_kept_as_written() -> None:
    found = kinds("Fighting went on in Sana'a and Aden.")
    assert found["Sana'a"] == "place"
    assert found["Aden"] == "place"


def test_a_city_after_on_or_over_is_a_place() -> None:
    found = kinds("Strikes on Kharkiv damaged homes, and drones were shot down over Odesa.")
    assert found["Kharkiv"] == found["Odesa"] == "place"


def test_a_city_keeps_its_spelling_when_the_gazetteer_only_adds_accents() -> None:
    found = kinds("Talks were facilitated by the Mission in Tripoli.")
    assert "Tripoli" in found and "Trípoli" not in found


def test_a_bare_head_before_in_and_a_place_is_no_body() -> None:
    found = kinds("The crisis was resolved after talks facilitated by the Mission in Tripoli.")
    assert "Mission in Tripoli" not in found
    assert found["Tripoli"] == "place"
    assert kinds("The UN Mission in Kosovo met.")["UN Mission in Kosovo"] == "organization"


# ------------------------------------------------------------------------------ kinds


def test_the_head_of_a_name_is_before_a_purpose_clause() -> None:
    found = kinds("Japan welcomed the work of the United Nations Mission to support the "
                  "Hudaydah Agreement (UNMHA).")
    assert found["United Nations Mission to support the Hudaydah Agreement"] == "organization"


def test_a_name_in_capitals_of_another_language_is_an_organisation() -> None:
    found = kinds("Civilians were attacked by the Union pour la Paix en Centrafrique (UPC). "
                  "Former members of the Fuerzas Armadas Revolucionarias de Colombia-Ejército "
                  "del Pueblo (FARC-EP) were sentenced.")
    assert found["Union pour la Paix en Centrafrique"] == "organization"
    assert found["Fuerzas Armadas Revolucionarias de Colombia-Ejército del Pueblo"] \
        == "organization"


# ------------------------------------------------------------------------------ acronyms


def test_a_long_name_of_many_connectors_is_its_acronyms_long_form() -> None:
    text = ("MSF supports the Ministère de la Santé Publique et de la Population (MSPP) in "
            "the care of cholera patients.")
    assert pairs(text) == [("MSPP", "Ministère de la Santé Publique et de la Population")]
    # the reach stops at the name: nothing before the comma is taken
    text = "It won 20 per cent, ahead of the Democratic Party of Kosovo (PDK)."
    assert pairs(text) == [("PDK", "Democratic Party of Kosovo")]


def test_the_english_name_of_an_acronym_of_another_language() -> None:
    text = ("The United Nations Multidimensional Integrated Stabilization Mission in the "
            "Central African Republic (MINUSCA) deployed a base to Sam Ouandja.")
    assert pairs(text) == [("MINUSCA", "United Nations Multidimensional Integrated "
                            "Stabilization Mission in the Central African Republic")]
    # letters the name does not have are no definition of it
    assert pairs("Leaders of the Central African Republic (MONUSCO) met.") == []


# ------------------------------------------------------------------------------ bodies


def test_a_body_of_an_owner_before_in_and_a_city_ends_there() -> None:
    found = kinds("Measures taken by the Central Bank of Yemen in Aden were criticised.")
    assert found["Central Bank of Yemen"] == "organization"
    assert found["Aden"] == "place"
    # a head that goes on with "in" keeps its place: "Office ... in Yemen"
    assert "Office of the Special Envoy in Yemen" in kinds(
        "The Office of the Special Envoy in Yemen met.")


def test_sheikh_between_a_given_name_and_a_surname_is_part_of_the_name() -> None:
    found = names("President Hassan Sheikh Mohamud convened the Council in Mogadishu.")
    assert found["Hassan Sheikh Mohamud"].kind == "person"
    assert "Hassan" not in found


def test_missions_and_agencies_of_the_un_system_named_by_acronym_alone() -> None:
    found = names("UNMISS peacekeepers patrolled around Malakal. UNRWA is restoring "
                  "services. The EU supports the work of MONUSCO. ECOWAS and UNITAMS met.")
    for body in ("UNMISS", "UNRWA", "MONUSCO", "ECOWAS", "UNITAMS"):
        assert found[body].kind == "organization", body
        assert found[body].acronym is None  # no definition is drafted from the table


# ------------------------------------------------------------------------------ place data


def test_everyday_names_of_a_country_and_of_disputed_regions() -> None:
    found = names("The UK has supported the armed forces since 2009. Refugees who fled "
                  "Nagorno-Karabakh arrived in Armenia.")
    assert found["United Kingdom"].kind == "place"
    assert "UK" in found["United Kingdom"].aliases
    assert found["Nagorno-Karabakh"].kind == "place"


def test_departments_prefectures_territories_and_border_points_are_places() -> None:
    found = names("Gangs attack villages in the Artibonite department and in the Ouaka "
                  "prefecture. People fled to the Nyiragongo territory or crossed through "
                  "the Metema border point.")
    assert "Artibonite department" in found["Artibonite"].aliases
    assert kinds("He met officials of the Treasury department.").get("Treasury") != "place"
    for place in ("Artibonite", "Ouaka", "Nyiragongo", "Metema"):
        assert found[place].kind == "place", place


def test_streets_voivodeships_and_facilities_by_their_head_words() -> None:
    found = kinds("Protesters gathered on Rustaveli Avenue. Most attempts were in the "
                  "Podlaskie Voivodeship. We welcome the agreement on the Ukraine Facility.")
    assert found["Rustaveli Avenue"] == found["Podlaskie Voivodeship"] == "place"
    assert found["Ukraine Facility"] == "process"


def test_a_department_named_both_ways_is_drafted_once() -> None:
    found = names("The Department of the Treasury's Office of Foreign Assets Control acted. "
                  "See the Treasury Department's press release.")
    assert found["Department of the Treasury"].kind == "organization"
    assert "Treasury Department" not in found


def test_a_body_named_without_the_body_of_the_table_it_belongs_to_is_one() -> None:
    found = names("The Chair of the NATO Military Committee visited. The Military Committee "
                  "is NATO's senior military authority.")
    assert "NATO Military Committee" in found and "Military Committee" not in found


def test_a_two_word_place_after_in_before_and_in_is_a_place() -> None:
    found = kinds("Agencies are restoring services in Khan Younis and in Gaza City.")
    assert found["Khan Younis"] == found["Gaza City"] == "place"


def test_a_site_header_of_a_ministry_and_its_republic_is_two_names() -> None:
    found = names("Ministry of Foreign Affairs Republic of Poland")
    assert found["Ministry of Foreign Affairs"].kind == "organization"
    assert found["Poland"].kind == "place"
    assert "Ministry of Foreign Affairs of the Republic of Poland" in names(
        "The Ministry of Foreign Affairs of the Republic of Poland condemns it.")


def test_companies_by_the_last_words_of_their_names() -> None:
    found = kinds("The loan goes to the Lobito Atlantic Railway. Ivanhoe Mines and ZCCM "
                  "Investments Holdings will ship copper.")
    for company in ("Lobito Atlantic Railway", "Ivanhoe Mines", "ZCCM Investments Holdings"):
        assert found[company] == "organization", company


def test_an_agency_of_the_eu_named_by_one_word_is_a_body_even_before_said() -> None:
    found = kinds("Poland thanks Frontex and the European Commission. Frontex said it would "
                  "send more officers.")
    assert found["Frontex"] == "organization"


# ------------------------------------------------------------------------------ bare heads


def test_the_council_and_the_commission_alone_are_bodies_of_an_eu_text() -> None:
    found = kinds("The EU and Moldova met. The Council had approved the framework. The day "
                  "before, the Commission presented its report, as the European Council "
                  "decided.")
    assert found["Council"] == found["Commission"] == "organization"
    assert found["European Council"] == "organization"  # never written "the Council"


def test_a_bare_head_after_the_full_name_is_its_alias_not_a_second_body() -> None:
    found = names("The Security Council met today. The Council heard a briefing.")
    assert "Council" in found["Security Council"].aliases and "Council" not in found
    found = names("The Assembly of Kosovo met. The Assembly adopted a law.")
    assert "Assembly" in found["Assembly of Kosovo"].aliases and "Assembly" not in found
    # two bodies of that head: which one is meant is not said, and nothing is drafted
    found = names("The Security Council and the Human Rights Council met. The Council said.")
    assert "Council" not in found
    assert not found["Security Council"].aliases and not found["Human Rights Council"].aliases


def test_a_body_of_the_table_before_a_plural_noun_is_named() -> None:
    assert kinds("Mr Stoltenberg said that NATO Allies had not delivered.")["NATO"] \
        == "organization"


# ------------------------------------------------------------------------------ precision


def test_a_rank_before_a_name_after_a_comma_is_no_part_of_the_name() -> None:
    found = names("He was briefed by the KFOR Commander, Major General Özkan Ulutaş, on the "
                  "security situation.")
    assert found["Özkan Ulutaş"].kind == "person"
    assert "Major General Özkan Ulutaş" not in found


def test_the_un_before_a_noun_it_qualifies_is_no_entity_but_the_un_acting_is() -> None:
    assert "UN" not in kinds("A joint UN mission visited the hospital. KFOR delivers on its "
                             "UN mandate.")
    assert kinds("The UN said the convoy was hit.")["UN"] == "organization"


def test_a_currency_and_an_abbreviated_adjective_name_no_country() -> None:
    found = kinds("Japan extends aid of 5 million US dollars to the people of Myanmar.")
    assert "United States" not in found
    assert found["Japan"] == found["Myanmar"] == "place"
    assert "United States" not in kinds("The Secretary noted continued U.S. humanitarian "
                                         "assistance to Armenia.")
    assert kinds("The U.S. will continue to help.")["United States"] == "place"


# ------------------------------------------------------------------------------ recall


def test_a_name_before_as_and_an_office_is_a_person() -> None:
    found = kinds("The EU notes the appointment of Garry Conille as Prime Minister.")
    assert found["Garry Conille"] == "person"
    assert kinds("The ship sailed under Marshall Islands as flag state.").get(
        "Marshall Islands") != "person"


def test_the_countries_after_candidate_countries_are_places() -> None:
    found = kinds("The Candidate Countries North Macedonia, Montenegro, Albania and Ukraine "
                  "align themselves with this declaration.")
    for country in ("North Macedonia", "Montenegro", "Albania", "Ukraine"):
        assert found[country] == "place", country
    assert not any("Candidate" in name for name in found)


def test_an_embassy_named_with_its_capital_is_one_body() -> None:
    assert kinds("From: British Embassy Beirut")["British Embassy Beirut"] == "organization"


def test_basins_oil_fields_and_lines_are_places() -> None:
    found = names("Water management in the Amu Darya basin. The oil fields of Sharara and El "
                  "Feel reopened. Towers stand along the Blue Line.")
    assert "Amu Darya basin" in found["Amu Darya"].aliases
    for place in ("Amu Darya", "Sharara", "El Feel", "Blue Line"):
        assert found[place].kind == "place", place


def test_a_bare_council_is_drafted_alone_only_in_an_eu_text_and_not_of_another_name() -> None:
    assert "Council" not in kinds("Security Council resolution 2694 (2023), by which the "
                                  "Council requested me to report.")
    assert "Council" not in kinds("The Council met on Tuesday.")  # whose, the text says not
    assert "Assembly" not in kinds("The EU agreed. The Assembly adopted the amendments.")
    assert "NATO" not in kinds("The meeting of NATO Foreign Ministers was held in Brussels.")


def test_a_general_director_after_the_body_he_heads() -> None:
    found = names("The KFOR Commander met the Kosovo Police General Director Gazmend Hoxha.")
    assert found["Gazmend Hoxha"].kind == "person"
    assert found["Kosovo Police"].kind == "organization"


def test_an_area_named_as_such_is_a_place() -> None:
    found = names("Croatia joined the Schengen area in 2023. Schools in the area closed.")
    assert found["Schengen"].kind == "place" and "Schengen area" in found["Schengen"].aliases


def test_a_body_of_an_institution_keeps_the_institution_in_its_name() -> None:
    found = kinds("Press office - General Secretariat of the Council")
    assert found == {"General Secretariat of the Council": "organization"}
    # a bare ministry after a centre's name only says whose the centre is
    assert "Crisis and Support Centre" in kinds(
        "He visited the Crisis and Support Centre of the Ministry.")


def test_a_rank_and_a_surname_later_are_the_person_named_in_full_before() -> None:
    found = names("He was briefed by the KFOR Commander, Major General Özkan Ulutaş, on the "
                  "situation. General Ulutaş thanked the nations.")
    assert [n for n, e in found.items() if e.kind == "person"] == ["Özkan Ulutaş"]


def test_places_listed_after_a_place_noun_and_including() -> None:
    found = kinds("WFP called on Israel to open more crossings, including Kerem Shalom and "
                  "Erez. Observers were in 33 municipalities, including Durrës, Shkodër and "
                  "Vlorë.")
    for place in ("Kerem Shalom", "Erez", "Durrës", "Shkodër", "Vlorë"):
        assert found[place] == "place", place
    assert "Nikola" not in kinds("He met officials, including Nikola Selaković.")


def test_humanitarian_organisations_named_with_no_head_word() -> None:
    found = kinds("Médecins Sans Frontières said its teams treated 40 people. Save the "
                  "Children warned of hunger.")
    assert found["Médecins Sans Frontières"] == found["Save the Children"] == "organization"


def test_a_delegation_of_a_body_to_a_country_is_one_name() -> None:
    found = kinds("The Delegation of the European Union to Bosnia and Herzegovina and the "
                  "Mission of the OSCE to the Republic of Moldova met.")
    assert found["Delegation of the European Union to Bosnia and Herzegovina"] \
        == "organization"
    assert found["Mission of the OSCE to the Republic of Moldova"] == "organization"
    # "to" after a run with no such head is no part of its name
    assert kinds("The EU Delegation handed aid to Serbia.")["Serbia"] == "place"


def test_a_conjunction_opening_a_sentence_is_no_part_of_a_name() -> None:
    found = kinds("Unless talks resume before 15 November, the Ministry will ask the European "
                  "Commission to mediate.")
    assert not any("Unless" in name for name in found)


def test_an_ambassador_of_a_country_to_another_names_both_and_the_person_after() -> None:
    found = names("Minister Ivica Dačić received today the Ambassador of France to Serbia, "
                  "Pierre Cochard.")
    assert found["France"].kind == found["Serbia"].kind == "place"
    assert found["Pierre Cochard"].kind == "person"
    assert found["Pierre Cochard"].role == "Ambassador of France to Serbia"


def test_a_name_before_who_was_appointed_and_an_office_is_a_person() -> None:
    found = kinds("Abdoulaye Bathily, who was appointed Special Representative in 2022, "
                  "arrived in Tripoli.")
    assert found["Abdoulaye Bathily"] == "person"


def test_a_counterpart_named_after_a_demonym_is_a_person() -> None:
    found = kinds("He spoke by telephone with his Serbian counterpart, Marko Đurić, this "
                  "morning. Baerbock and her Moldovan counterpart Nicu Popescu opened a forum.")
    assert found["Marko Đurić"] == found["Nicu Popescu"] == "person"


def test_a_body_opening_with_peoples_is_one_name_and_china_no_body() -> None:
    found = kinds("In Comrat, he met members of the People's Assembly of Gagauzia.")
    assert found["People's Assembly of Gagauzia"] == "organization"
    assert "People" not in found
    found = kinds("The Minister met the envoy of the People's Republic of China.")
    assert found["China"] == "place" and "People" not in found


def test_the_opening_word_of_a_paragraph_of_conclusions_is_no_part_of_a_name() -> None:
    found = kinds("Recalling the European Council conclusions of December 2023, the Council "
                  "reaffirms its support.")
    assert "European Council" in found
    assert not any(name.startswith("Recalling") for name in found)


def test_the_chairman_in_office_is_a_title() -> None:
    found = kinds("The Head of Mission briefed the Chairman-in-Office on the Mission's "
                  "programme for 2023.")
    assert not any("Chairman-in-Office" in name for name in found)


# ------------------------------------------- articles-dev-entities3: groups, lists, short forms


def test_agreements_named_in_the_plural_in_lower_case_are_one_agreement() -> None:
    found = kinds("The monitors reported on the implementation of the Minsk agreements.")
    assert found.get("Minsk agreements") == "agreement"
    assert "Minsk" not in found  # not the city
    assert kinds("The talks were held in Minsk.")["Minsk"] == "place"


def test_an_agreement_that_implements_another_is_not_that_other() -> None:
    found = kinds("The Minsk agreements were negotiated by the group. The Package of Measures "
                  "for the Implementation of the Minsk Agreements called for a ceasefire.")
    assert found.get("Minsk agreements") == "agreement"
    assert found.get("Package of Measures for the Implementation of the Minsk Agreements") == (
        "agreement")
    # a shorter name of one agreement is still the same one, not a second agreement
    found = names("The Ohrid Framework Agreement ended the conflict. Both sides said the "
                  "Framework Agreement is their common path.")
    assert list(found) == ["Ohrid Framework Agreement"]


def test_a_movement_or_an_armed_group_named_in_lower_case_after_its_name_is_a_body() -> None:
    found = kinds("Ships were attacked by Yemen's Houthi movement in the Red Sea. Fighting "
                  "between the M23 armed group and the army forced thousands to flee.")
    assert found.get("Houthi movement") == "organization"
    assert found.get("M23") == "organization"
    assert "Ukrainian" not in kinds("Ukrainian fighters held the line near the town.")


def test_a_body_that_holds_or_controls_in_a_which_clause_is_a_body() -> None:
    found = kinds("The Council asked the mission to keep up pressure on Al-Shabaab, which "
                  "still holds large parts of the countryside.")
    assert found.get("Al-Shabaab") == "organization"


def test_a_capital_before_for_and_a_process_is_two_names() -> None:
    found = kinds("Leaders met today in Tirana for the Berlin Process Summit, the first held.")
    assert found.get("Tirana") == "place"
    assert found.get("Berlin Process Summit") == "process"
    assert "Tirana for the Berlin Process Summit" not in found


def test_an_agreement_on_a_subject_goes_on_after_to() -> None:
    found = kinds("The EU urged both sides to carry out the Agreement on the Path to "
                  "Normalisation agreed in Ohrid.")
    assert found.get("Agreement on the Path to Normalisation") == "agreement"
    # but the country an agreement is sent to is not part of its name
    found = kinds("The Commission sent the Agreement on Trade to Serbia last week.")
    assert found.get("Serbia") == "place"
    assert "Agreement on Trade to Serbia" not in found


def test_companies_listed_after_a_noun_that_says_what_they_are_are_bodies() -> None:
    found = kinds("The plant will be built by a consortium of Hyundai Engineering, UGT "
                  "Renewables and Elektroprivreda Srbije. Shipping lines including Maersk, "
                  "Hapag-Lloyd and MSC have diverted vessels around the Cape of Good Hope.")
    for body in ("Hyundai Engineering", "UGT Renewables", "Elektroprivreda Srbije", "Maersk",
                 "Hapag-Lloyd", "MSC"):
        assert found.get(body) == "organization", body
    assert found.get("Cape of Good Hope") == "place"
    # a list after another noun is not one of companies
    assert kinds("The delegation included Maria Novak and Peter Horvat.").get(
        "Maria Novak") != "organization"


def test_a_long_form_after_an_owners_acronym_starts_after_it() -> None:
    assert pairs("The OSCE Special Monitoring Mission to Ukraine (hereafter SMM) was "
                 "deployed in March 2014.") == [("SMM", "Special Monitoring Mission to Ukraine")]
    # an acronym that gives the short form its first letter is part of the long form
    assert pairs("He met the EU Special Representative (EUSR) today.") == [
        ("EUSR", "EU Special Representative")]


def test_a_short_form_between_dashes_after_its_long_form_is_a_definition() -> None:
    assert pairs("The Regional Cooperation Council – RCC – will report on it.") == [
        ("RCC", "Regional Cooperation Council")]
    assert pairs("Talks with Serbia – NATO – and others went on.") == []


def test_the_place_of_a_wire_storys_dateline_with_its_day_is_named() -> None:
    from briefcli.authoring.placecues import dateline_places

    lead = "BRUSSELS, Feb 14 – Kosovo Prime Minister Albin Kurti blamed Serbia on Wednesday."
    assert dateline_places("February 14, 2024", lead) == ["Brussels"]
    assert dateline_places("3 March 2024", "KYIV, 3 March (AP) – Officials said.") == ["Kyiv"]
    # a lead that opens with no place names none
    assert dateline_places("3 March 2024", "Officials, 30 in all – said so.") == []


def test_a_body_in_apposition_to_the_noun_that_says_what_it_is_is_a_body() -> None:
    found = kinds("The mission, EUNAVFOR Aspides, will be commanded from Larissa, Greece, "
                  "and will not take part in strikes.")
    assert found.get("EUNAVFOR Aspides") == "organization"
    # a town the text gives its country after is a place
    assert found.get("Larissa") == "place" and found.get("Greece") == "place"
    # a person named after a country and a comma is no town
    assert kinds("The talks with Kurti, Serbia and others went on.").get("Kurti") != "place"
