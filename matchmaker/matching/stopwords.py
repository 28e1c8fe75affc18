"""Dutch and English stop words (folded to lowercase ASCII, as the tokenizer emits them)."""

from __future__ import annotations

ENGLISH = """
a about above after again against all am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each few for
from further had hadn has hasn have haven having he her here hers herself him himself his how i if in
into is isn it its itself just let ll me more most mustn my myself no nor not now of off on once only or
other ought our ours ourselves out over own re same shan she should shouldn so some such than that the
their theirs them themselves then there these they this those through to too under until up ve very
was wasn we were weren what when where which while who whom why will with won would wouldn you your
yours yourself yourselves also may might must shall upon via within without yet however thus therefore
whether etc eg ie inc ltd llc corp co
"""

DUTCH = """
aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja
je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons
ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen
wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou bv bijv enz via dient waarbij waarin
waarmee hierbij daarbij welke binnen tussen sinds
alleen anders beide beter bijna blijft blijven daarom daardoor daarna daarnaast dezelfde doet echter
eigen elk elke evenals gaan gaat gewoon goed graag hele heel helemaal hen hoewel iedereen ieder iedere
jouw jullie komen komt krijgen krijgt laat laten liggen ligt maakt maken meest mee minder misschien
moeten mogen nieuwe nodig nooit ongeveer onze ooit samen soms staan staat steeds terwijl tijdens vaak
vanaf vanuit verder volgens vooral voordat waar waarom wanneer weer weinig welk wij willen zeer zelfs
zien ziet zodat zoals zowel zullen zulke zouden kunt wilt hebt bent
"""

STOP_WORDS: frozenset[str] = frozenset(ENGLISH.split()) | frozenset(DUTCH.split())
