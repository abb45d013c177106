"""Named entities of official pages that no gazetteer or head word gives: small places
known by the words around them, people named by an appositive office, bodies named by
what they do, titles with a portfolio and a country, and names in lower-case heads. Each
rule of `mentions.py`, `placecues.py` and `names.py` is read from a sentence of the shape
real pages have, and its counter-case where there is one."""

from __future__ import annotations

from pathlib import Path

from briefcli.authoring.acronyms import find_acronyms
from briefcli.authoring.entities import contact_people, furniture, header_bodies
from briefcli.authoring.names import NamedEntity, find_names
from briefcli.authoring.placecues import (
    dateline_places,
    head_after,
    headline_countries,
    is_list_separator,
    place_cue,
    strong_cue,
)
from conftest import write
from test_authoring import records


def names(text: str) -> dict[str, NamedEntity]:
    return {e.name: e for e in find_names(text, find_acronyms(text))}


def kinds(text: str) -> dict[str, str | None]:
    return {e.name: e.kind for e in find_names(text, find_acronyms(text))}


# ------------------------------------------------------------------------------ places


def test_a_village_or_municipality_named_as_such_is_a_place() -> None:
    found = kinds("The attack took place in the village of Banjska, in the municipality of "
                  "Zvečan, and a patrol was attacked near Rudare.")
    assert found["Banjska"] == found["Zvečan"] == found["Rudare"] == "place"


def test_a_lower_case_place_head_after_a_name_makes_it_a_place() -> None:
    found = names("Russian troops blew up the dam in the Kherson region. Barricades went up "
                  "near the Jarinje and Brnjak crossing points and at the Kakavijë border "
                  "crossing.")
    assert found["Kherson"].kind == "place"
    assert "Kherson region" in found["Kherson"].aliases  # the form written, singular
    assert found["Jarinje"].kind == found["Brnjak"].kind == "place"  # a plural head: both
    assert found["Kakavijë"].kind == "place"
    assert not found["Brnjak"].aliases  # "Brnjak crossing points" names no one place


def test_a_list_after_a_place_is_of_places_when_an_and_closes_it() -> None:
    found = kinds("Soldiers were deployed in Zvečan, Leposavić and Zubin Potok after the "
                  "mayors took office, and in Gračanica and Štrpce.")
    for place in ("Zvečan", "Leposavić", "Zubin Potok", "Gračanica", "Štrpce"):
        assert found[place] == "place", place


def test_a_comma_after_a_place_that_opens_the_sentence_starts_no_list() -> None:
    found = kinds("In Geneva, Olga Sarrado Mur said the camps were full.")
    assert found["Geneva"] == "place"
    assert "Olga Sarrado Mur" not in found or found["Olga Sarrado Mur"] != "place"


def test_one_word_after_in_is_a_place_but_not_a_language_an_article_or_a_possessive() -> None:
    found = kinds("After the killings in Račak the verifiers left. Prime Minister Albin Kurti "
                  "said the text is in English, as provided in Article 5, and in Kurti's view "
                  "it stands.")
    assert found["Račak"] == "place"
    assert "English" not in found and "Article" not in found and "Kurti" not in found
    assert found["Albin Kurti"] == "person"


def test_a_month_does_not_join_the_name_after_it() -> None:
    found = kinds("The Council was briefed on the attack of 24 September in Banjska, in which "
                  "an officer was killed.")
    assert found["Banjska"] == "place"


def test_a_capital_is_a_place_without_a_preposition() -> None:
    found = kinds("The congress of deputies in Tiraspol asked Moscow for protection.")
    assert found["Moscow"] == "place"


def test_coordinated_cities_are_places_without_a_preposition() -> None:
    found = kinds("The flooding threatens dozens of settlements, including Nova Kakhovka and "
                  "Oleshky.")
    assert found["Nova Kakhovka"] == found["Oleshky"] == "place"


def test_a_city_that_opens_with_new_keeps_its_first_word() -> None:
    found = kinds("The Spokesperson told reporters in New York that talks would go on.")
    assert found.get("New York") == "place"
    assert "York" not in found


def test_a_place_head_ends_a_name_before_in() -> None:
    found = kinds("He visited Camp Film City in Pristina on Wednesday.")
    assert found["Camp Film City"] == "place" and found["Pristina"] == "place"


def test_a_body_and_a_country_are_the_body_and_the_place() -> None:
    found = kinds("This report is produced by OCHA Sudan with its partners.")
    assert found["OCHA"] == "organization" and found["Sudan"] == "place"
    assert "OCHA Sudan" not in found


def test_place_cues_read_from_words() -> None:
    assert strong_cue(["village", "of"]) and strong_cue(["near"])
    assert not strong_cue(["minister", "of"])
    assert head_after(" region of the country") == ("region", True)
    assert head_after(" crossing points on the border") == ("crossing points", False)
    assert head_after(" regional office") is None
    assert is_list_separator([",", "and"]) and not is_list_separator(["said", ","])
    texts = ["in", "Zvečan", ",", "Leposavić", "and", "Zubin", "Potok", "."]
    assert place_cue(texts, (3, 4), [(5, 7)], 2, " and Zubin", False) == "list"
    texts = ["in", "Geneva", ",", "Olga", "Sarrado", "Mur", "said"]
    assert place_cue(texts, (3, 6), [], 2, " said", False) == ""


# ------------------------------------------------------------------------------ people


def test_a_name_before_an_appositive_office_is_a_person() -> None:
    found = names("Those listed include Ilan Shor, the leader of the Shor party, and Marina "
                  "Tauber, a member of parliament, and Gheorghe Cavcaliuc, a former head of "
                  "the police. The Secretary General was accompanied by Javier Colomina, "
                  "NATO's Special Representative for the Caucasus.")
    for person in ("Ilan Shor", "Marina Tauber", "Gheorghe Cavcaliuc", "Javier Colomina"):
        assert found[person].kind == "person", person
    assert found["Shor party"].kind == "organization"
    assert found["Javier Colomina"].role == "NATO's Special Representative"


def test_a_full_name_whose_surname_is_used_alone_is_a_person() -> None:
    found = names("Dmytro Kuleba informed the partners. Kuleba also asked for a meeting.")
    assert found["Dmytro Kuleba"].kind == "person"
    assert "Kuleba" in found["Dmytro Kuleba"].aliases
    assert "Kuleba" not in found  # the surname is not a body of its own


def test_a_minister_with_a_portfolio_and_a_country_before_the_name() -> None:
    found = names("Minister of Foreign Affairs of Ukraine Dmytro Kuleba informed the G7. "
                  "First Deputy Prime Minister and Minister of Foreign Affairs of the Republic "
                  "of Serbia Ivica Dačić met him.")
    assert found["Dmytro Kuleba"].role == "Minister of Foreign Affairs of Ukraine"
    assert found["Ivica Dačić"].kind == "person"
    assert found["Serbia"].kind == "place"
    assert "Republic of Serbia" in found["Serbia"].aliases


def test_a_body_of_one_word_before_a_title_qualifies_it() -> None:
    found = names("The statement was issued today by Council President Sérgio França Danese "
                  "(Brazil).")
    assert found["Sérgio França Danese"].kind == "person"
    assert "Council" not in found  # a bare head word is no entity


# ------------------------------------------------------------------------------ bodies


def test_a_word_that_does_what_bodies_do_is_a_body() -> None:
    found = kinds("Moldovagaz and Energocom signed a supply contract. Gazprom still claims a "
                  "debt. Frontex extended its joint operation. Russia's pressure followed "
                  "Naftogaz's cuts in supplies.")
    for body in ("Moldovagaz", "Energocom", "Gazprom", "Frontex", "Naftogaz"):
        assert found[body] == "organization", body
    assert found["Russia"] == "place"


def test_what_bodies_do_does_not_make_a_body_of_a_plural_opening_or_a_known_surname() -> None:
    found = kinds("Officials reported no casualties. Prime Minister Dorin Recean spoke; Recean "
                  "signed the decree.")
    assert "Officials" not in found
    assert "Recean" not in found and found["Dorin Recean"] == "person"


def test_the_office_of_the_high_representative_keeps_its_title() -> None:
    found = kinds("Office of the High Representative, Emerika Bluma 1, Sarajevo")
    assert found["Office of the High Representative"] == "organization"
    assert "Office of the High" not in found


def test_names_with_a_lower_case_head() -> None:
    found = kinds("The ministers discussed the Open Balkan initiative and the Ahtisaari plan "
                  "with the Serbian party.")
    assert found["Open Balkan initiative"] == found["Ahtisaari plan"] == "process"
    assert not any("Serbian" in name for name in found)  # an adjective names nothing


def test_new_head_words() -> None:
    found = kinds("The Judicial Academy of Serbia opened a course. The dam of the Kakhovka "
                  "Hydroelectric Power Plant was destroyed.")
    assert found["Judicial Academy of Serbia"] == "organization"
    assert found["Kakhovka Hydroelectric Power Plant"] == "place"


def test_a_name_that_runs_on_with_of_the_and_a_bare_head_stops_before_it() -> None:
    found = kinds("France delivers aid through the Crisis and Support Centre of the Ministry in "
                  "Paris. Kurti and Office of the President met.")
    assert found["Crisis and Support Centre"] == "organization"
    assert "Kurti and Office of the President" not in found


def test_a_body_named_short_and_with_its_place_is_one() -> None:
    found = names("The OSCE Mission to Serbia and the Judicial Academy of Serbia opened a course. "
                  "The Director of the Judicial Academy said so. The OSCE Mission in Kosovo and "
                  "the OSCE Mission to Serbia then met the OSCE Mission.")
    assert found["Judicial Academy of Serbia"].kind == "organization"
    assert "Judicial Academy" not in found  # one entity, the longer name
    assert "OSCE Mission" in found  # two bodies it could be: none is taken


def test_two_names_a_text_says_are_one_are_one_entity() -> None:
    found = names("The Ohrid Agreement, formally the Framework Agreement, was signed in Skopje. "
                  "The Framework Agreement ended the conflict.")
    assert "Framework Agreement" in found["Ohrid Agreement"].aliases
    assert "Framework Agreement" not in found


def test_a_title_in_the_last_part_of_a_coordination_goes_with_the_name_after_it() -> None:
    found = names("Baerbock would meet Prime Minister of Ukraine Denys Shmyhal and the President "
                  "of the European Commission, Ursula von der Leyen, on the margins. Federal "
                  "Foreign Minister Annalena Baerbock will travel.")
    assert found["Ursula von der Leyen"].role == "President of the European Commission"
    assert found["Denys Shmyhal"].kind == "person"
    assert found["Annalena Baerbock"].kind == "person"  # "Federal" qualifies the title


def test_a_point_of_the_compass_and_a_place_are_a_place() -> None:
    found = kinds("The Mission opened its offices in Mitrovica North. Staff were killed in "
                  "North Darfur.")
    assert found["Mitrovica North"] == found["North Darfur"] == "place"


def test_an_acronym_between_commas_after_a_name_that_loosely_expands_it() -> None:
    text = ("The European Union Rule of Law Mission in Kosovo, EULEX, is the largest civilian "
            "mission. UNHCR, the UN Refugee Agency, is alarmed.")
    pairs = {(d.short, d.long) for d in find_acronyms(text)}
    assert ("EULEX", "European Union Rule of Law Mission in Kosovo") in pairs
    assert not any(short == "UNHCR" for short, _ in pairs)  # a description after it


def test_titles_of_offices_written_with_general_elect_or_co_ordinator() -> None:
    found = names("The incumbent and the former Prosecutor General, Alexandr Stoianoglo, will "
                  "contest it. He met President-elect Gordana Siljanovska-Davkova. Pia Kauma, "
                  "Special Co-ordinator of the observers, spoke. The Chair of the Council of "
                  "Ministers, Borjana Krišto, welcomed it.")
    assert found["Alexandr Stoianoglo"].role == "Prosecutor General"
    assert "General" not in found  # the title's last word is no name
    for person in ("Gordana Siljanovska-Davkova", "Pia Kauma", "Borjana Krišto"):
        assert found[person].kind == "person", person
    assert found["Council of Ministers"].kind == "organization"


def test_a_title_after_and_is_not_inside_the_name_before() -> None:
    found = names("He thanked the Belgian Presidency of the Council of the EU and Commissioner "
                  "for Neighbourhood and Enlargement Olivér Várhelyi for their support.")
    assert found["Belgian Presidency of the Council of the EU"].kind == "organization"
    assert found["Olivér Várhelyi"].role == "Commissioner for Neighbourhood and Enlargement"


def test_a_name_before_a_verb_of_speech_or_judgement_is_a_person() -> None:
    found = kinds("The Republika Srpska government welcomed it, while Milorad Dodik criticised "
                  "the decision.")
    assert found["Milorad Dodik"] == "person"


def test_a_list_of_places_may_close_with_a_longer_phrase() -> None:
    found = kinds("The Ambassador visited polling stations in Tetovo, Gostivar and the village "
                  "of Tearce, and then the Gazimestan memorial.")
    assert found["Tetovo"] == found["Gostivar"] == found["Tearce"] == "place"
    assert found["Gazimestan"] == "place"


def test_a_church_of_a_people_or_a_confession_is_a_body() -> None:
    found = kinds("He met the Serbian Orthodox Church near the Church of St. Nicholas.")
    assert found["Serbian Orthodox Church"] == "organization"
    assert found["Church of St. Nicholas"] == "place"


def test_a_lower_case_title_waits_over_the_body_it_is_of() -> None:
    found = names("He met the head of the Kharkiv Regional Military Administration, Oleh "
                  "Syniehubov. It was witnessed by the special envoys of the European Union "
                  "and the United States, François Léotard and James Pardew.")
    assert found["Oleh Syniehubov"].role == "head"
    assert found["François Léotard"].kind == found["James Pardew"].kind == "person"
    assert found["Kharkiv Regional Military Administration"].kind == "organization"


def test_places_by_plural_heads_such_as_and_in_before_two_words() -> None:
    found = kinds("Partners delivered aid to Kupiansk and Vovchansk hromadas and to "
                  "municipalities such as Gračanica, Štrpce and Ranilug. Kurti refused to "
                  "close institutions in Zubin Potok. Generators were handed out in Izium and "
                  "Balakliia, and lithium to the Jadar valley. Brown visited Kharkiv on Monday.")
    for place in ("Kupiansk", "Vovchansk", "Gračanica", "Štrpce", "Ranilug", "Zubin Potok",
                  "Izium", "Balakliia", "Jadar", "Kharkiv"):
        assert found[place] == "place", place


def test_an_undefined_acronym_that_does_what_bodies_do_is_a_body() -> None:
    found = kinds("VMRO-DPMNE now holds 58 of 120 seats. COVID-19 killed many.")
    assert found["VMRO-DPMNE"] == "organization"
    assert "COVID-19" not in found


def test_personal_envoys_and_societies() -> None:
    found = names("The Personal Envoy of the Secretary-General for Sudan, Ramtane Lamamra, "
                  "met the Ukrainian Red Cross Society.")
    assert found["Ramtane Lamamra"].kind == "person"
    assert found["Ukrainian Red Cross Society"].kind == "organization"


def test_a_contact_block_joined_into_one_line_is_cut_before_the_body() -> None:
    found = kinds("Contacts Ana Matijević National Public Information Officer OSCE Mission to "
                  "Serbia")
    assert found["OSCE Mission to Serbia"] == "organization"
    assert not any("Officer" in name for name in found)


def test_the_incumbent_before_a_comma_and_a_name() -> None:
    found = names("The incumbent, Maia Sandu, and the former Prosecutor General, Alexandr "
                  "Stoianoglo, will contest a second round.")
    assert found["Maia Sandu"].kind == "person"


# ------------------------------------------------------------------------------ the page


READOUT = """Secretary Blinken's Call with Moldovan President Sandu

Readout
Office of the Spokesperson
February 6, 2024

The following is attributable to Spokesperson Matthew Miller:

Secretary of State Antony J. Blinken spoke today with Moldovan President Maia Sandu.

Tags: Moldova, Office of the Spokesperson

For further information, please contact:
Katya Andrusz, Spokesperson, OSCE/ODIHR
"""


def test_the_lines_around_the_story_that_name_people_and_bodies() -> None:
    lines = furniture(READOUT, "Secretary of State Antony J. Blinken spoke today.")
    assert lines.split("\n\n") == [
        "The following is attributable to Spokesperson Matthew Miller",
        "Tags: Moldova, Office of the Spokesperson",
        "For further information, please contact",
        "Katya Andrusz, Spokesperson, OSCE/ODIHR",
    ]
    assert furniture("A story.\n\nShare this:\nHome | News\n", "A story.") == ""


def test_ingest_drafts_the_people_of_the_attribution_and_the_contact(brief, tmp_path: Path):
    article = write(tmp_path / "readout.txt", READOUT)
    empty = tmp_path / "kb"
    empty.mkdir()
    out = tmp_path / "d.yaml"
    r = brief("ingest", str(article), "--data", str(empty), "-o", str(out))
    assert r.code == 0, r.stderr
    entities = {e["name"]: e for e in records(out.read_text())["entity"]}
    assert entities["Matthew Miller"]["kind"] == "person"
    assert entities["Katya Andrusz"]["kind"] == "person"
    assert entities["Office of the Spokesperson"]["kind"] == "organization"
    assert "readout.txt:7:" in out.read_text()  # the attribution's own line


def test_titles_with_an_owner_after_of_the_to_or_a_named_process() -> None:
    found = names("Prime Minister of the Republic of Kosovo Albin Kurti left. U.S. Ambassador "
                  "to Serbia Christopher Hill met EU Special Representative for the "
                  "Belgrade-Pristina Dialogue Miroslav Lajčák and the President of the "
                  "European Commission Ursula von der Leyen. Minister Counsellor Ivan Petrov "
                  "took notes.")
    assert found["Albin Kurti"].role == "Prime Minister of Kosovo"
    assert "Republic of Kosovo" in found["Kosovo"].aliases
    assert found["Christopher Hill"].role == "Ambassador to Serbia"
    assert found["Miroslav Lajčák"].kind == "person"
    assert found["Ursula von der Leyen"].role == "President of the European Commission"
    assert found["Ivan Petrov"].role == "Minister Counsellor"


def test_plurals_that_open_a_sentence_and_generic_phrases_name_no_one() -> None:
    found = kinds("NATO Heads of State and Government met in Washington. Allies welcomed "
                  "Sweden. Officials reported no losses. Guterres said so.")
    assert "State and Government" not in found
    assert "Allies" not in found and "Officials" not in found
    assert found["Guterres"] == "person" and found["Sweden"] == "place"


def test_a_body_in_a_place_that_is_a_subdivision_is_cut_before_it() -> None:
    found = kinds("Amina Mohammed will brief the Security Council in New York. The Resident and "
                  "Humanitarian Coordinator, Clementine Nkweta-Salami, called for calm.")
    assert found["Security Council"] == "organization" and found["New York"] == "place"
    assert found["Clementine Nkweta-Salami"] == "person"


def test_a_qualified_title_after_and_starts_a_new_part() -> None:
    found = kinds("Head of the EU Office in Kosovo and EU Special Representative Tomáš Szunyog "
                  "attended.")
    assert found["EU Office in Kosovo"] == "organization"
    assert found["Tomáš Szunyog"] == "person"


# ------------------------------------------------------------------------------ datelines


def test_the_places_of_a_dateline_are_the_gazetteer_places_before_its_date() -> None:
    assert dateline_places("Skopje, 18 July 2024") == ["Skopje"]
    assert dateline_places("AMMAN/NEW YORK, 19 March 2024") == ["Amman", "New York"]
    assert dateline_places("Kyiv (ICRC) – 27 January 2024") == ["Kyiv"]
    assert dateline_places("WASHINGTON, June 20, 2023") == ["Washington"]
    assert dateline_places("Paris, le 3 mars 2022") == ["Paris"]
    # labels, days and an office before the date name no place
    for label in ("Press releases, 21 February 2024", "Date: 29.05.2013", "Readout",
                  "Tuesday, 5 May 2023", "Statement from U.S. Embassy Pristina, December 14, "
                  "2018", "Prepared by the Policy Unit, 8 March 2024", "June 5, 2023"):
        assert dateline_places(label) == [], label
    assert dateline_places(None) == []


def test_a_place_heading_the_first_paragraph_before_a_dash_is_a_dateline_place() -> None:
    lead = "GENEVA – The UN Refugee Agency, UNHCR, welcomes the adoption of the law."
    assert dateline_places("Press releases, 21 February 2024", lead) == ["Geneva"]
    assert dateline_places(None, "The Council – meeting in Brussels – agreed.") == []


def test_a_dateline_place_in_the_page_language_unless_the_story_names_a_city() -> None:
    assert dateline_places("Prishtinë, 15 November 2023", "", "The Minister met Jörn "
                           "Rohde.") == ["Prishtinë"]
    # "Beograd" heading a story that says "Belgrade": the English name is the entity
    assert dateline_places("Beograd, 12. jun 2023.", "", "A visit to Belgrade in July.") == []
    assert dateline_places("OSCE, 5 May 2023") == []  # an acronym, not a place


def test_ingest_drafts_the_dateline_place_once(brief, tmp_path: Path) -> None:
    text = ("Prime Minister Mickoski meets the Head of the EU Delegation\n\n"
            "Skopje, 18 July 2024\n\n"
            "Prime Minister Hristijan Mickoski received today Ambassador Michalis Rokas.\n")
    again = text.replace("Rokas.", "Rokas in Skopje.")
    found = []
    for n, body in enumerate((text, again)):
        article = write(tmp_path / f"a{n}.txt", body)
        empty = tmp_path / f"kb{n}"
        empty.mkdir()
        out = tmp_path / f"d{n}.yaml"
        r = brief("ingest", str(article), "--data", str(empty), "-o", str(out))
        assert r.code == 0, r.stderr
        found.append([e for e in records(out.read_text())["entity"] if e["name"] == "Skopje"])
    assert [len(f) for f in found] == [1, 1]
    assert found[0][0]["kind"] == "place"


# ------------------------------------------------------------------------------ people


def test_the_speaker_after_a_quotation_and_said_is_a_person() -> None:
    found = names('"Serbia is committed to a green transition," said Nicola Pontara, of the '
                  'Bank. "People here have lived under shelling," said Pascal Hundt.')
    assert found["Nicola Pontara"].kind == found["Pascal Hundt"].kind == "person"
    # a body or a country after the verb stays what it is
    found = kinds('"We are ready," said the European Union. "We are ready," said Kosovo '
                  'Police.')
    assert found["European Union"] == found["Kosovo Police"] == "organization"


def test_titles_of_assistant_secretaries_representatives_and_country_managers() -> None:
    found = names("Deputy Assistant Secretary Gabriel Escobar spoke. Country Manager Nicola "
                  "Pontara agreed. Sophie Gilbert, UNHCR Representative in Podgorica, "
                  "welcomed it.")
    assert found["Gabriel Escobar"].role == "Deputy Assistant Secretary"
    assert found["Nicola Pontara"].kind == "person"
    assert found["Sophie Gilbert"].role == "UNHCR Representative"


def test_a_title_after_a_name_may_have_its_owner_before_it() -> None:
    found = names("Matthew Miller, Department Spokesperson")
    assert found["Matthew Miller"].kind == "person"
    assert found["Matthew Miller"].role == "Department Spokesperson"
    assert kinds("Kosovo Police, Department Spokesperson") == {"Kosovo Police": "organization"}


def test_the_people_of_the_contact_lines() -> None:
    raw = ("Story.\n\nFor further information, please contact:\n"
           "In Podgorica, Milica Vujović, vujovicm@unhcr.org, +382 67 000 000\n"
           "Katya Andrusz, ODIHR, +48 609 522 266\n\nContacts:\nIn Belgrade: Vesna Kostić\n\n"
           "Media contacts\nPress Office, Ministry of Foreign Affairs\n"
           "European Commission, Brussels\n")
    assert contact_people(raw) == ["Milica Vujović", "Katya Andrusz", "Vesna Kostić"]
    assert contact_people("Katya Andrusz, ODIHR\n") == []  # no contact heading above


# ------------------------------------------------------------------------------ heads


def test_a_law_named_head_first_is_an_agreement() -> None:
    found = kinds("The Assembly amended the Law on the Civil Service of the Republic of Kosovo "
                  "and adopted the Law on International and Temporary Protection of "
                  "Foreigners. He had studied Law in Belgrade.")
    assert found["Law on the Civil Service of the Republic of Kosovo"] == "agreement"
    assert found["Law on International and Temporary Protection of Foreigners"] == "agreement"
    assert [k for k in found.values() if k == "agreement"] == ["agreement"] * 2


def test_an_agenda_and_a_project_are_processes() -> None:
    found = kinds("They discussed the Reform Agenda and the Public Utilities Energy Efficiency "
                  "Project.")
    assert found["Reform Agenda"] == found["Public Utilities Energy Efficiency Project"] == \
        "process"


def test_the_countries_of_a_headline() -> None:
    assert headline_countries("G7 Foreign Ministers' Statement on Kosovo and Serbia") == [
        "Kosovo", "Serbia"]
    assert headline_countries("UNHCR welcomes Montenegro's new law on asylum") == [
        "Montenegro"]
    assert headline_countries("Ukraine: ICRC delivers aid") == ["Ukraine"]
    assert headline_countries("Chairman of the Presidency of Bosnia and Herzegovina") == [
        "Bosnia and Herzegovina"]
    # a country beside another capitalised word is part of a name, or not alone
    assert headline_countries("Statement on the Arrest of Kosovo Police Officers") == []
    assert headline_countries("Attack on a Humanitarian Convoy in Gaza City") == []
    assert headline_countries("Statement on the Attack in Northern Kosovo") == []
    # title-case words that are no country are not read from a headline
    assert headline_countries("Secretary Blinken's Call with Moldovan President Sandu") == []
    assert headline_countries(None) == []


def test_ingest_drafts_a_country_named_only_in_the_headline(brief, tmp_path: Path) -> None:
    text = ("G7 Foreign Ministers' Statement on Kosovo and Serbia\n\nJune 5, 2023\n\n"
            "We are deeply concerned by the violence in northern Kosovo.\n")
    article = write(tmp_path / "g7.txt", text)
    empty = tmp_path / "kb"
    empty.mkdir()
    out = tmp_path / "d.yaml"
    r = brief("ingest", str(article), "--data", str(empty), "-o", str(out))
    assert r.code == 0, r.stderr
    names = [e["name"] for e in records(out.read_text())["entity"]]
    assert names.count("Serbia") == 1 and names.count("Kosovo") == 1
    # the headline's "Moldova" is the story's "Republic of Moldova", drafted once
    text = ("Moldova and UNDP open a centre\n\n27 Feb 2017\n\n"
            "The centre opened in Cahul, in the Republic of Moldova, today.\n")
    article = write(tmp_path / "md.txt", text)
    out = tmp_path / "md.yaml"
    r = brief("ingest", str(article), "--data", str(empty), "-o", str(out))
    assert r.code == 0, r.stderr
    names = [e["name"] for e in records(out.read_text())["entity"]]
    assert [n for n in names if "Moldova" in n] == ["Moldova"]


def test_a_country_before_for_and_a_named_project_are_two_names() -> None:
    found = kinds("The Board approved a loan to Serbia for the Public Utilities Energy "
                  "Efficiency Project. The Organization for Security and Co-operation in "
                  "Europe observed it.")
    assert found["Serbia"] == "place"
    assert found["Public Utilities Energy Efficiency Project"] == "process"
    assert found["Organization for Security and Co-operation in Europe"] == "organization"


# ------------------------------------------------------------------------------ once


def test_an_embassy_named_by_its_country_two_ways_is_one_body() -> None:
    found = names("The Embassy of the United States of America in Belgrade said so. The "
                  "United States Embassy in Belgrade added that the Embassy of Germany agreed.")
    assert found["Embassy of the United States of America in Belgrade"].aliases == (
        "United States Embassy in Belgrade",)
    assert "Embassy of Germany" in found
    # two embassies of one country in two cities stay two
    assert len(names("The Embassy of Serbia in Tirana and the Embassy of Serbia in Skopje "
                     "met.")) == 2


def test_a_process_described_by_who_facilitates_it_is_the_one_other_of_its_head() -> None:
    found = names("Their obligations under the EU-facilitated Dialogue must be implemented. "
                  "The EU Special Representative for the Belgrade-Pristina Dialogue, Miroslav "
                  "Lajčák, will continue.")
    assert found["EU-facilitated Dialogue"].aliases == ("Belgrade-Pristina Dialogue",)
    assert "Belgrade-Pristina Dialogue" not in found
    two = names("The EU-facilitated Dialogue, the Strategic Dialogue and the Belgrade-Pristina "
                "Dialogue were discussed.")
    assert len([n for n in two if n.endswith("Dialogue")]) == 3  # which one is meant?


def test_a_capital_after_a_title_is_a_place_not_a_person() -> None:
    # header lines run together: "Matthew Miller, Department Spokesperson" "Washington, D.C."
    found = kinds("Matthew Miller, Department Spokesperson Washington, D.C.")
    assert found == {"Matthew Miller": "person", "Washington": "place"}
    assert kinds("Secretary Blinken met Ambassador Kurti.") == {
        "Blinken": "person", "Kurti": "person"}


def test_the_person_of_a_country_between_commas_after_a_plural_title() -> None:
    found = kinds("The Foreign Ministers of Austria, Alexander Schallenberg, of Croatia, Gordan "
                  "Grlić Radman, and of Slovenia, Tanja Fajon, met today in Vienna.")
    for person in ("Alexander Schallenberg", "Gordan Grlić Radman", "Tanja Fajon"):
        assert found[person] == "person", person
    assert found["Austria"] == found["Croatia"] == found["Slovenia"] == "place"
    # a region after a country is no person
    assert kinds("The Presidency of Bosnia and Herzegovina, Republika Srpska, and the "
                 "Federation met.")["Republika Srpska"] == "place"


def test_an_acronym_owning_a_long_form_is_its_own_body_not_part_of_the_name() -> None:
    found = names("The mission of the OSCE Office for Democratic Institutions and Human Rights "
                  "(ODIHR) observed the vote.")
    assert found["Office for Democratic Institutions and Human Rights"].acronym == "ODIHR"
    assert found["OSCE"].kind == "organization"
    # words of the name before the long form make it fuller, as before
    found = names("The Chadian National Commission for Refugees (CNR) said so.")
    assert found["Chadian National Commission for Refugees"].acronym == "CNR"


def test_a_body_of_the_table_before_led_is_named() -> None:
    found = kinds("Jens Stoltenberg met the Commander of the NATO-led Kosovo Force (KFOR).")
    assert found["NATO"] == found["Kosovo Force"] == "organization"
    # a word that is no body of the table before "-led" is no body; nor a body before a
    # title (the "UN Secretary-General" names the UN rarely as an analyst would list it)
    found = kinds("Kenyan-led Multinational Forces arrived. UN Secretary-General António "
                  "Guterres spoke.")
    assert "Kenyan" not in found and "UN" not in found


def test_the_bodies_of_the_header_lines_between_headline_and_story() -> None:
    raw = ("Secretary Blinken's Call with Serbian President Vučić\n\nReadout\n"
           "Office of the Spokesperson\nSeptember 26, 2023\n\nThe Secretary spoke today.\n")
    headline = "Secretary Blinken's Call with Serbian President Vučić"
    assert header_bodies(raw, 7, headline) == ["Office of the Spokesperson"]
    # a wrapped headline's last word, a label and the story's own lines are none
    raw = "Kosovo Needs Dialogue, Envoy Tells Security\nCouncil\n\nSC/15453\n\nThe Council met.\n"
    assert header_bodies(raw, 6, "Kosovo Needs Dialogue, Envoy Tells Security Council") == []
