import type { CommitmentCategory } from '@dyad/relations';

// Words that say what a commitment is about, French and English, on folded text. Sources: the
// categories of DESIGN §4 and the corpus conventions (restoring relations and embassies is
// diplomatic_support; mutual defence and counter-terrorism are security; arms, training and
// intelligence are military_cooperation; migration, visas and labour recruitment are other; border
// and national guards are security; envoys of any rank are diplomatic_support; traded goods and
// retail are trade; border crossings are infrastructure). Listed from the most
// specific: a longer match wins over a shorter one it overlaps ("bases militaires" over "militaire").
export const CATEGORY_LEXICON: readonly { readonly category: CommitmentCategory; readonly pattern: RegExp; readonly example: string; readonly nearMiss: string }[] = [
  {
    category: 'military_basing',
    pattern: /\b(?:military bases?|naval bases?|air bases?|airbases?|bases? militaires?|bases? navales?|bases? aeriennes?|basing rights|stationing of troops|stationnement de troupes|(?:permanent )?(?:deployment|deploiement|stationing|stationnement) (?:permanent )?(?:d'une |of an? |de |of )?(?:brigade|troops|troupes|soldiers|soldats|forces))\b/,
    example: 'maintain its military bases in Syria',
    nearMiss: 'maintain its military cooperation with Syria',
  },
  {
    category: 'security',
    pattern: /\b(?:mutual[- ]defen[cs]e|defen[cs]e pact|pacte de defense|security (?:cooperation|guarantees?|agreement|pact|assistance)|(?:cooperation|pacte|traite|accord|alliance) (?:en matiere |de )?(?:de )?defense|defen[cs]e (?:cooperation|treaty|agreement|alliance)|armed (?:attack|aggression)|agression armee|attaques? armees?|defen[cs]e commitments?|engagement de defense|defendre|assistance mutuelle|aide mutuelle|defense mutuelle|cooperation (?:en matiere de |de )?securite|garanties? de securite|securite|security|counter-?terrorism|contre-?terroris\w*|antiterroris\w*|lutte contre le terrorisme|terroris(?:m|me|ts?|tes?)|(?:ji|dji)hadis\w*|insurgen\w*|joint (?:security |military )?force|national guard(?:smen)?|border guards?|gardes? nationa(?:l|ux)|garde nationale|gardes?-frontieres?|force (?:militaire )?conjointe|border security|securite des frontieres|trafficking|traffickers|trafics?|trafiquants|drug smuggling|narcotics|stupefiants|fentanyl|cartels?)\b/,
    example: 'put back into force a security cooperation agreement',
    nearMiss: 'a trade agreement signed in Riyadh',
  },
  {
    category: 'military_cooperation',
    pattern: /\b(?:military (?:aid|assistance|support|cooperation|equipment|training|hardware|supplies)|arms|weapons?|munitions?|ammunition|missiles?|air defen[cs]e|fighter jets?|warplanes?|combat aircraft|avions de (?:combat|chasse)|chasseurs|attack helicopters|helicopteres de combat|frigates?|fregates?|submarines?|sous-marins?|howitzers?|obusiers?|artillery|artillerie|shells|obus|rockets?|roquettes?|tanks|chars|drones|intelligence(?:[- ]sharing)?|renseignements?|armes?|armements?|assistance militaire|aide militaire|soutien militaire|cooperation militaire|militaro-technique|military-technical|defense antiaerienne|formation militaire|military (?:academies|schools?)|ecoles? militaires?|(?:train|training|former|formation (?:de|des|d'))\s+(?:[\w-]+\s+){0,2}?(?:soldiers|troops|officers|pilots|soldats|troupes|officiers|pilotes))\b/,
    example: 'resume its military assistance to Ukraine',
    nearMiss: 'a trade agreement on cars',
  },
  {
    category: 'investment',
    pattern: /\b(?:invest\w*|(?<!minimum[- ])capital(?![- ](?:rules?|requirements?|thresholds?))|capitaux|fonds|funds?|co-?invest\w*|joint ventures?|coentreprises?)\b/,
    example: 'promised investments',
    nearMiss: 'humanitarian aid for refugees',
  },
  {
    category: 'financial_support',
    pattern: /\b(?:financial (?:support|aid|assistance)|soutien financier|aide financiere|aide budgetaire|loans?|prets?|credit lines?|lignes? de credit|budget(?:ary)? support|appui budgetaire|grants?|debt relief|allegement de (?:la )?dette|financement|financing)\b/,
    example: 'a financial support package',
    nearMiss: 'a new railway line',
  },
  {
    category: 'energy',
    pattern: /\b(?:energy|energie|energetiques?|gas|gaz|oil|petrole|pipelines?|gazoducs?|oleoducs?|nuclear (?:power|plant|reactor)s?|centrales? (?:nucleaires?|electriques?|thermiques?|solaires?|a charbon|a gaz|hydroelectriques?)|electricity|electricite|lng|gnl|hydrocarbures?)\b/,
    example: 'gas supplies',
    nearMiss: 'a visa waiver for students',
  },
  {
    category: 'trade',
    pattern: /\b(?:trade|commerce|commercia(?:l|le|ux|les)|exports?|imports?|tariffs?|droits de douane|free[- ]trade|libre-echange|rice|wheat|grain|cereals?|fertili[sz]ers?|seafood|riz|cereales|engrais|traders|commercants|shops|boutiques|magasins|retail|commerce de detail|customs|douan\w+|markets?|marches? (?:interieur|interieurs|agricoles?)|acces au marche|ouvr\w+ (?:[\w-]+\s+){0,2}?(?:le|son|leur|leurs|ses) marches?|ouverture (?:du|des) marches?)\b/,
    example: 'a trade agreement',
    nearMiss: 'a mutual-defence clause',
  },
  {
    category: 'humanitarian_aid',
    pattern: /\b(?:humanitarian|humanitaire|food aid|aide alimentaire|medical aid|aide medicale|relief supplies|refugees?|refugies?)\b/,
    example: 'humanitarian aid',
    nearMiss: 'military training for officers',
  },
  {
    category: 'infrastructure',
    pattern: /\b(?:infrastructures?|railways?|rail lines?|railway line|chemin de fer|ferroviaires?|roads?|routes?|routiers?|routieres?|(?:border |mountain )?crossings?|passages? frontaliers?|postes? frontaliers?|points? de passage|highways?|motorways?|expressways?|autoroutes?|transport links?|corridors?|tunnels?|bridges?|ponts?|ports?|airports?|aeroports?|dams?|barrages?|telecommunications?)\b/,
    example: 'a joint railway line',
    nearMiss: 'budgetary support',
  },
  {
    category: 'diplomatic_support',
    pattern: /\b(?:diplomatic (?:relations|ties)|relations diplomatiques|embass(?:y|ies)|ambassades?|ambassadors?|ambassadeurs?|high commission(?:ers?|s)?|hauts?-commissaires?|haut-commissariat|charge d'affaires|lettres de creance|credentials|consulates?|consulats?|missions? diplomatiques?|(?:re-?establish|restor)\w* (?:diplomatic )?(?:relations|ties)|retabli\w* (?:leurs |les |des )?(?:relations|liens)|normali[sz]\w* (?:relations|ties|des relations)|representations?|missions|recognition|reconnaissance|(?:soutien|soutenir|support(?:ing)?|back(?:ing)?) (?:a |au |a la |le |la |the |its |their |son |sa )?(?:plan|position|candidature|candidacy|bid|claim|souverainete|sovereignty|territorial integrity|integrite territoriale))\b/,
    example: 're-establish diplomatic relations and reopen their embassies',
    nearMiss: 'gas supplies for the winter',
  },
  {
    category: 'other',
    pattern: /\b(?:migration|migrants?|readmission|(?:migrant |domestic |foreign |seasonal |guest )?workers|housemaids?|maids|recruit(?:ment|ing|s)?|recrutements?|travailleu(?:rs|ses)(?: domestiques| migrants?)?|employees? de maison|main-d'oeuvre|work permits?|permis de travail|visas?|visa waiver|exemption de visa|asylum|asile|border control|controle des frontieres)\b/,
    example: 'a visa waiver',
    nearMiss: 'reopen their embassies',
  },
];

// A sum of money with nothing else to say what it is for ("une aide de 200 millions d'euros")
// is financial support.
export const MONEY = /(?:[$€£]\s?\d[\d.,]*\s*(?:million|billion|bn|m|trillion)?|\b\d[\d.,]*\s*(?:millions?|milliards?|billions?|bn)\s+(?:d'euros|de dollars|euros|dollars|of dollars|in))/;
