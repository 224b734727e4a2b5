"""Speech cues in the dependency parse: cue verbs from speech_verbs.txt, "according to", and their speakers."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipelines.nlp.entities.lexicon import is_person_word
from pipelines.nlp.verbs import AFTER_QUOTE_VERBS, BESIDE_QUOTE_VERBS, MANNER_VERBS, QUOTING_VERBS, SPEECH_VERBS

ACCORDING_TO = "according to"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A verb without its own subject takes the subject of the verb it hangs from through these relations (and a
# participle set off by a comma: "Xi appeared to reciprocate, emphasizing ..."); an adjective after a copula
# passes on the copula's ("Caudevilla was keen to stress that ...", "she was quick to add").
SUBJECT_SHARING_DEPS = ("conj", "xcomp", "acomp")
RELATIVE_PRONOUNS = ("who", "whom")
MAX_RELATIVE_CLIMB = 6
# Reported speech nests ("X said officials had urged ..."): the outer reporter is the source.
NESTED_REPORT_DEPS = ("ccomp", "xcomp", "conj")
MANNER_PREPOSITIONS = ("of", "about")
OPEN_QUOTE_ENDINGS = (",", "?", "!")  # a quote ending so leaves its sentence open for the attribution after it
# Verbs that give a noun its name: "a booker named Laurie Luhn", "a driver identified as Ann Lee".
_NAMING_VERBS = frozenset({"name", "call", "identify"})
# The first words of every cue verb, phrasal or not.
_CUE_WORDS = frozenset(verb.split()[0]
                       for verb in SPEECH_VERBS | BESIDE_QUOTE_VERBS | QUOTING_VERBS | AFTER_QUOTE_VERBS)


def cue_lemma(token: Token, beside_quote: bool = False) -> str | None:
    """The cue this token starts: a speech verb lemma (phrasal ones as "point out"), "according to", or None.
    ``beside_quote``: the token stands right beside a quotation, where verbs such as "continue", "snap" or
    "quote" report speech too (they also do with a reported clause: "he added that ...")."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        return ACCORDING_TO
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if lemma not in _CUE_WORDS:  # most verbs: no cue, and none of their phrasal forms either
        return None
    # phrasal verbs ("point out"; "chimed in" parsed as a preposition without object, "shot back" as an adverb)
    # and idioms with "it" ("as one analyst put it")
    phrasal = [f"{lemma} {t.lower_}" for t in token.children
               if t.dep_ == "prt" or (t.dep_ == "dobj" and t.lower_ == "it")
               or t.dep_ == "prep" and t.i == token.i + 1 and not any(c.dep_ == "pobj" for c in t.children)
               or t.dep_ == "advmod" and t.i == token.i + 1]
    for candidate in (*phrasal, lemma):
        if candidate in SPEECH_VERBS:
            return candidate
        if candidate in BESIDE_QUOTE_VERBS and (beside_quote or _reports_a_clause(token)):
            return candidate
        if candidate in QUOTING_VERBS and beside_quote:
            return candidate
        if candidate in AFTER_QUOTE_VERBS and beside_quote and _after_a_quotation(token):
            return candidate
    return None


def _after_a_quotation(token: Token) -> bool:
    """A quotation before the verb in its sentence, or one closing on a comma, question or exclamation mark
    right before the verb's clause, which the parser may have split off (“So the wall is negotiable?” he began)."""
    doc, edge = token.doc, token.left_edge.i
    return any(t.tag_ == "''" for t in doc[token.sent.start:token.i]) \
        or edge >= 2 and doc[edge - 1].tag_ == "''" and doc[edge - 2].text in OPEN_QUOTE_ENDINGS


def _reports_a_clause(verb: Token) -> bool:
    return any(t.dep_ == "ccomp" for t in verb.children)


def _speaker_after_fronted_phrase(preposition: Token) -> Token | None:
    """"Of Carson, Levine, who ..., said": the parser makes the fronted "Of" the subject and hangs the speaker
    from it, as its object ("Levine", with "Carson" a modifier) or in apposition to the object ("Carson", with
    "Levine" beside it): the name after the comma speaks."""
    objects = [t for t in preposition.children if t.dep_ == "pobj"]
    if not objects:
        return None
    beside = [t for t in objects[0].children if t.dep_ == "appos" and t.i > objects[0].i]
    return beside[0] if beside else objects[0]


def _subject_hung_in_fronted_phrase(cue: Token) -> Token | None:
    """"In an interview with Esquire, the actor, 35, said": the parser hangs the subject in apposition to the
    fronted phrase's last noun and leaves the verb without one; the noun phrase right before the verb speaks."""
    for phrase in (t for t in cue.lefts if t.dep_ == "prep"):
        nouns = [t for t in phrase.subtree if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
                 and all(w.is_punct or w.like_num for w in cue.doc[t.i + 1:cue.i])]
        if nouns:
            return nouns[0]
    return None


def speaker_head(cue: Token, quoted=lambda token: False) -> Token | None:
    """The head token of whoever speaks through this cue: the verb's subject, or the object of "according to".
    ``quoted(token)``: whether a token is inside a quote; a subject there gives way to a speaker named right after
    the cue (“... #Cologne,” tweeted a user: the parser made "Cologne" the subject)."""
    quoting = _quoting_verb(cue)
    if quoting is not None:
        return _quoted_person(quoting) or _name_modified_by(quoting)
    if cue_lemma(cue) == ACCORDING_TO:
        to = cue.doc[cue.i + 1]
        objects = [t for t in (*to.children, *cue.children) if t.dep_ == "pobj"]
        return objects[0] if objects else None
    if _is_passive(cue):
        # "She was described as ...": the subject is who was spoken of; the speaker is the "by" agent, if any.
        agents = [t for agent in cue.children if agent.dep_ == "agent" for t in agent.children if t.dep_ == "pobj"]
        return agents[0] if agents else None
    verb = cue
    while True:
        # Two subjects are a role and a name the parser did not join ("The coroner ..., Sherrif Payne, told"):
        # the name speaks; else the nearer one (“... others can too,” said a senior official: not "that" of the
        # quote, which the parser also hung there).
        subjects = sorted((t for t in verb.children if t.dep_ in SUBJECT_DEPS or _name_taken_for_compound(t)),
                          key=lambda t: (t.ent_type_ != "PERSON", abs(t.i - verb.i)))
        if subjects and quoted(subjects[0]):
            return _named_after(cue) or subjects[0]
        if subjects:
            if subjects[0].pos_ == "ADP":
                return _speaker_after_fronted_phrase(subjects[0])
            return _antecedent_of_relative(subjects[0]) if subjects[0].lower_ in RELATIVE_PRONOUNS else subjects[0]
        if verb.head.i == verb.i or not _shares_subject(verb):
            break
        verb = verb.head
        # "He adopted a fake accent and joked" parsed with "joked" joined to the object noun: the noun's verb.
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
            verb = verb.head
    # A sentence parsed without a main verb, the cue hung from the name as a modifier ("Mr. Warner, the Virginia
    # Democrat, called the bill ..."): the name is the subject.
    if cue.dep_ == "acl" and cue.head.dep_ == "ROOT" and cue.head.i < cue.i and cue.head.pos_ in ("PROPN", "NOUN"):
        return cue.head
    hung = _subject_hung_in_fronted_phrase(cue)
    if hung is not None:
        return hung
    named = _named_after(cue)
    if named is not None:
        return named
    # ... or as the subject of the quoted clause that resumes after it (“The numbers,” said Jerome Powell, the Fed
    # chair, “do not justify a cut.”): the name right after the cue.
    after = _name_right_after(cue)
    if after is not None:
        return after
    # ... or with the verb as a modifier of the name ("said manager Tom Hill" as one noun phrase).
    name = _name_modified_by(cue)
    if name is not None:
        return name
    # ... or with the subject hung elsewhere ("..., the critic Pauline Kael wrote, “...”"): the name just before.
    before = cue.doc[cue.i - 1] if cue.i else None
    return before if before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN" else None


def _named_after(cue: Token) -> Token | None:
    """ "..., said Zhou Bo" is sometimes parsed with the name as the verb's object, and so is a role with the name
    in apposition ("..., replied his rival, Simon Lee"; "told" has its listener there); a person noun there is an
    unnamed speaker (“...,” tweeted a German user from Hanover); a day there is when ("said Monday")."""
    named = [t for t in cue.rights
             if t.dep_ in ("dobj", "attr", "npadvmod") and t.left_edge.i == cue.i + 1
             and t.ent_type_ not in ("DATE", "TIME") and (
                 t.pos_ == "PROPN" or cue.lemma_ != "tell" and t.pos_ == "NOUN"
                 and (is_person_word(t) or any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in t.children)))]
    return named[0] if named else None


def _name_taken_for_compound(token: Token) -> bool:
    """A proper noun hung from a verb before it as a compound, which only nouns take: the verb's subject the parser
    read as part of a name ("When someone shouted, “Cruz,” Beck joked": "Beck" a compound of "joked")."""
    return token.dep_ == "compound" and token.pos_ == "PROPN" and token.i < token.head.i \
        and token.head.pos_ == "VERB"


def _manner_of(verb: Token, root: Token) -> bool:
    """A verb that reports speech beside a quote (speak, talk) with the quote as how or of what it speaks: He
    would speak “bluntly”, she spoke of “a dark day” (not what is spoken: they speak “Spanglish”)."""
    if root.i < verb.i or verb.lemma_.lower() not in MANNER_VERBS:
        return False
    if root.dep_ == "advmod":
        return root.head.i == verb.i and root.pos_ == "ADV"
    return root.dep_ == "pobj" and root.pos_ in ("NOUN", "PROPN") and root.head.lower_ in MANNER_PREPOSITIONS \
        and root.head.head.i == verb.i


def _name_right_after(cue: Token) -> Token | None:
    """The head of the proper name that opens right after a main-clause cue with no subject of its own, when the
    parser hung it elsewhere."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or cue.dep_ != "ROOT":
        return None
    name = doc[cue.i + 1]
    if name.pos_ not in ("PROPN", "NOUN"):
        # a forename the tagger took for another word, the name after it a person's ("said Per Lundgren", "Per"
        # a preposition)
        after = doc[cue.i + 2] if cue.i + 2 < len(doc) else None
        if not name.is_title or after is None or after.ent_type_ != "PERSON" or after.pos_ != "PROPN":
            return None
        name = after
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.pos_ == "PROPN" and name.head.i != cue.i else None


def _name_modified_by(verb: Token) -> Token | None:
    """The name after a verb the parser took for its modifier: "said manager Tom Hill", "Xinhua quoted Foreign
    Ministry spokesman Wang Wenbin as saying" parsed as one noun phrase."""
    name = verb.head
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if verb.dep_ == "amod" and name.pos_ == "PROPN" and name.i > verb.i else None


def _quoting_verb(cue: Token) -> Token | None:
    """ "quote"/"cite" when ``cue`` is one, or the "saying" of "quoted X as saying" / "X was quoted as saying"."""
    if cue.lemma_.lower() in QUOTING_VERBS:
        return cue
    if cue.head.lower_ != "as" or cue.head.i == cue.i:
        return None
    node = cue.head.head
    if node.pos_ in ("PROPN", "NOUN", "PRON") and node.dep_ == "dobj":  # "as saying" hung from the person
        node = node.head
    return node if node.lemma_.lower() in QUOTING_VERBS else None


def _quoted_person(verb: Token) -> Token | None:
    """Who is quoted: the object of "quoted X", the subject of "X was quoted"."""
    deps = ("nsubjpass",) if _is_passive(verb) else ("dobj",)
    return next((t for t in verb.children if t.dep_ in deps), None)


def _is_passive(verb: Token) -> bool:
    return any(t.dep_ in ("auxpass", "nsubjpass") for t in verb.children)


def _has_own_subject(verb: Token) -> bool:
    return any(t.dep_ in SUBJECT_DEPS for t in verb.children)


def _shares_subject(verb: Token) -> bool:
    if verb.dep_ in SUBJECT_SHARING_DEPS:
        return True
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _antecedent_of_relative(pronoun: Token) -> Token | None:
    """The person a "who" clause hangs from: "Patricia M Kim, a fellow at X, who cautioned" -> Kim."""
    node = pronoun.head
    for _ in range(MAX_RELATIVE_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.ent_type_ == "PERSON" or node.dep_ in SUBJECT_DEPS:
            return node
    return None


def speaker_span(head: Token) -> Span:
    """The words naming the speaker: the head with its left modifiers ("Secretary of State Antony Blinken");
    a common noun with a named apposition gives the name ("China's president, Xi Jinping" -> Xi Jinping; "the
    general secretary of the union, Jane Doe" -> Jane Doe; "a former booker named Laurie Luhn" -> Laurie Luhn)."""
    people = [t for t in head.subtree if t.i > head.i and t.ent_type_ == "PERSON"
              and (t.dep_ == "appos" or _named_as(t))]
    names = [t for t in head.rights if t.dep_ == "appos" and t.pos_ == "PROPN"]
    if head.ent_type_ != "PERSON" and people:
        head = people[0]  # "The coroner for that case, Sherrif Payne,"; a dateline: "LONDON (AFP) - Rishi Sunak"
    elif head.pos_ != "PROPN" and names:
        head = names[0]
    doc = head.doc
    start = head.left_edge.i
    for token in doc[start:head.i]:
        if token.is_punct and token.text in ",;:()—–":
            start = token.i + 1
    while start < head.i and (doc[start].dep_ in ("cc", "punct", "prep", "mark") or doc[start].is_punct
                              or cue_lemma(doc[start])):
        start += 1
    return doc[start:head.i + 1]


def _named_as(token: Token) -> bool:
    """The name a noun is given: "a booker named Laurie Luhn", "a man called Tom Hart", "a driver identified as
    Ann Lee"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    return head.dep_ == "acl" and head.lemma_ in _NAMING_VERBS and token.dep_ in ("oprd", "dobj", "attr", "pobj")


def dominating_cue(root: Token, inside, in_scope) -> Token | None:
    """The speech cue whose clause holds the token ``root`` (a quote's syntactic head): the nearest cue above it,
    then up through nested reports to the outermost reporter; else an "according to" in the sentence.
    ``inside(token)`` tells the quote's own tokens, ``in_scope(token)`` the writer's paragraph around it."""
    found = None
    node = root
    while node.head.i != node.i and in_scope(node.head):
        link, child = node.dep_, node
        node = node.head
        if found is not None and link not in NESTED_REPORT_DEPS:
            break
        if link == "conj" and cue_lemma(node) and _has_own_subject(child):
            break  # "X called it ..., and her novel “...” spent weeks ...": a clause of the writer's, not X's
        if link in SUBJECT_DEPS and cue_lemma(node):
            break  # "Tom Ruiz, known as “the Professor”, said ...": words about the speaker, not theirs
        if not inside(node) and (cue_lemma(node) or _manner_of(node, root)) and speaker_head(node) is not None:
            found = node
    if found is None:
        found = next((t for t in root.sent if cue_lemma(t) == ACCORDING_TO and in_scope(t) and not inside(t)), None)
    return found
