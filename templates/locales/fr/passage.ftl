# Passage : l’interface en français. Chaque catalogue a exactement les mêmes messages que l’anglais.
# Ton simple et chaleureux, avec « vous » ; la personne qui raconte lit peut-être vite, sur un petit téléphone.

language-name = Français

## Mise en page
skip-to-content = Aller au contenu
nav-label = Principal
nav-languages = Langue
nav-read = Lire les histoires
nav-tell = Raconter votre histoire
nav-receipt = Vérifier un reçu
footer-privacy = Passage n’utilise aucun cookie de suivi et ne fait aucune requête vers d’autres sites.
footer-staff = Connexion de l’équipe
optional = (facultatif)
all-optional = (tout est facultatif)
choose-any = (plusieurs choix possibles)
prefer-not-say = Je préfère ne pas répondre
stories-word = { $count ->
    [one] histoire
    [many] histoires
   *[other] histoires
}

## Thèmes
theme-journey = Le voyage
theme-work = Travail et gagne-pain
theme-family = Famille
theme-education = Apprendre
theme-language = Langue
theme-home = Trouver un chez-soi
theme-community = Communauté
theme-health = Santé et soins
theme-culture = Cuisine et culture
theme-protection = Chercher une protection
theme-climate = Climat et terre
theme-return = Liens avec le pays d’origine

## Accueil
home-title = Histoires de personnes migrantes, avec leurs propres mots
home-heading = Chaque personne migrante a une histoire à raconter
home-lead = Passage est une archive d’histoires racontées par des personnes qui ont migré. Elle montre la personne derrière les statistiques, avec ses propres mots — et la protège : rien qui puisse permettre de reconnaître la personne qui raconte n’est jamais publié.
home-total = { $count ->
    [one] Une histoire à lire.
    [many] { $count } histoires à lire.
   *[other] { $count } histoires à lire.
}
home-total-none = Aucune histoire n’est encore publiée — la vôtre pourrait être l’une des premières.
home-read = Lire
home-tell = Raconter
home-tell-text = Écrivez votre histoire dans la langue de votre choix, depuis votre téléphone. Pas de compte, pas d’adresse e-mail. Vous choisissez qui peut la lire, et vous pouvez la retirer à tout moment.
home-by-theme = Parcourir par thème
home-by-origin = Parcourir par pays d’origine
home-recent = Histoires récentes
home-all-stories = Toutes les histoires

## Fiches des histoires
meta-told-by = Racontée par
meta-from = Origine : { $country }
meta-lives-in = Résidence : { $country }
meta-left-in = Départ en { $year }
meta-in-language = Langue : { $language }
meta-published = Publiée le { $date }

## Recherche
search-label = Rechercher dans les histoires
search-button = Rechercher
search-filters = Filtres
search-theme = Thème
search-any = Tous
search-residence = Pays de résidence
search-year = Année de départ
search-year-from = Départ à partir de
search-year-to = Départ jusqu’à
search-apply = Appliquer les filtres
search-clear = Tout effacer
search-count = { $count ->
    [one] { $count } histoire
    [many] { $count } histoires
   *[other] { $count } histoires
}
search-count-for = { $count ->
    [one] { $count } histoire pour
    [many] { $count } histoires pour
   *[other] { $count } histoires pour
}
search-page-of = page { $page } sur { $pages }
search-none = Aucune histoire ne correspond
search-none-for = Aucune histoire ne correspond à
search-none-filters = avec ces filtres.
search-none-advice = Essayez moins de mots ou d’autres mots, vérifiez l’orthographe, retirez un filtre, ou
search-browse-all = parcourez toutes les histoires.
search-pages = Pages de résultats
search-previous = ← Page précédente
search-next = Page suivante →
search-narrow = Affiner
search-selected = (sélectionné — suivez le lien pour retirer ce filtre)
search-export = Télécharger ces résultats (texte publié seulement, et seulement si la citation est permise) :
search-read-as = Votre recherche a été lue ainsi :
search-typed = Vous aviez tapé
search-sort = Trier par
search-sort-default = Les plus pertinentes d’abord (ou les plus récentes sans mots)
search-sort-relevance = Pertinence
search-sort-newest = Les plus récentes d’abord
search-sort-oldest = Les plus anciennes d’abord
search-sort-year = Année de départ
search-few = Très peu d’histoires : le nombre est caché pour que personne ne puisse être identifié
search-error-only-exclusions = La recherche ne fait qu’exclure des mots. Ajoutez au moins un mot à chercher.
search-error-too-long = La recherche est trop longue : { $max } caractères au plus.
search-error-too-many-parts = La recherche compte trop de mots : { $max } au plus.
search-error-years-reversed = La première année vient après la dernière. Inversez-les, ou laissez-en une vide.
search-error-too-deep = Seuls les { $max } premiers résultats peuvent être parcourus. Ajoutez un mot ou un filtre pour affiner la recherche.
search-error-filter = Un filtre de l’adresse nous est inconnu. Choisissez-le de nouveau dans les listes.
search-error-query = La recherche n’a pas pu être lue. Vérifiez les guillemets et les signes moins.
story-more-like-this = Histoires proches

## Une histoire
story-press-badge = Presse uniquement
story-press-note = Cette histoire n’est visible que par des journalistes et des chercheurs vérifiés.
story-photo-alt = Une photo partagée par la personne qui a raconté cette histoire.
story-about = À propos de cette histoire
story-told-by = Racontée par
story-anonymous = Anonyme
story-language = Langue
story-origin = Pays d’origine
story-transit = Pays traversés
story-residence = Pays de résidence
story-year = Année de départ
story-themes = Thèmes
story-published = Publication
story-readers = Qui peut la lire
story-readers-everyone = Tout le monde
story-readers-press = Journalistes et chercheurs vérifiés
story-redaction-note = Avant la publication, les noms et les lieux qui pourraient permettre de reconnaître la personne qui raconte ont été remplacés, par exemple par [person 1] ou [town].
story-cite = Citer cette histoire
story-permalink = Lien permanent :
story-quotes-ok = Citations autorisées
story-quotes-no = Merci de ne pas citer — paraphrasez seulement

## Raconter une histoire
submit-title-check = Merci de vérifier votre histoire
submit-before = Avant de commencer
submit-before-account = Vous n’avez besoin ni d’un compte ni d’une adresse e-mail.
submit-before-language = Écrivez dans la langue de votre choix, avec vos propres mots.
submit-before-moderator = Avant toute publication, un modérateur retire tout ce qui pourrait permettre de vous reconnaître : noms, lieux, numéros de téléphone.
submit-before-choose = Vous choisissez qui peut lire votre histoire, et vous pouvez changer d’avis.
submit-before-receipt = Quand vous l’envoyez, vous recevez un code de reçu. Avec ce code, vous pouvez vérifier votre histoire ou la retirer à tout moment.
submit-not-sent = Votre histoire n’a pas encore été envoyée
submit-nothing-lost = Rien de ce que vous avez écrit n’est perdu : tout est encore dans le formulaire ci-dessous.
submit-story-legend = Votre histoire
submit-title = Titre
submit-title-hint = Quelques mots qui résument votre histoire.
submit-body-hint = Racontez-la comme vous le voulez : votre point de départ, le voyage, où vous êtes aujourd’hui, ce que vous voulez que les gens sachent. Prenez votre temps — cette page n’enregistre pas de brouillon ; pour une longue histoire, vous pouvez d’abord l’écrire ailleurs, puis la coller ici.
submit-language = Langue de votre histoire
submit-language-choose = Choisissez une langue
submit-pseudonym = Pseudonyme
submit-pseudonym-hint = Un nom à afficher avec votre histoire — pas votre vrai nom.
submit-journey = Votre parcours
submit-origin = Pays d’où vous venez
submit-transit = Pays traversés
submit-transit-hint = Les pays traversés en chemin, séparés par des virgules.
submit-residence = Pays où vous vivez aujourd’hui
submit-year = Année de votre départ
submit-year-hint = Par exemple 2015.
submit-themes = De quoi parle votre histoire ?
submit-private = Noms et lieux à garder confidentiels
submit-private-hint = Un par ligne. Nous les retirerons toujours avant toute publication : votre nom, celui de votre famille, le village d’où vous venez, les personnes qui vous ont apporté de l’aide, les lieux où vous avez séjourné. En dehors de l’équipe de modération, personne ne voit jamais cette liste.
submit-photo = Une photo
submit-photo-hint = Une seule photo JPEG, PNG ou WebP, de 10 Mo au maximum. Nous retirons tout ce qui est caché dans le fichier (par exemple le lieu où elle a été prise et le téléphone utilisé), et un modérateur floute les visages, les panneaux et les plaques d’immatriculation avant qu’elle soit montrée. Elle n’est montrée que si vous l’autorisez plus bas.
submit-photo-again = Si vous aviez choisi une photo, merci de la choisir à nouveau.
submit-consent = Votre consentement
submit-consent-switch-hint = Vous pouvez lire cette page et le consentement dans une autre langue, en haut de la page ; ce que vous avez écrit est conservé, mais une photo déjà choisie devra être choisie à nouveau.
submit-who = Qui peut lire votre histoire ?
submit-vis-public-hint = Tout le monde peut la lire, une fois qu’un modérateur l’a vérifiée.
submit-vis-press = Journalistes et chercheurs seulement
submit-vis-press-hint = Seuls les journalistes et les chercheurs vérifiés par Passage peuvent la lire, une fois qu’un modérateur l’a vérifiée.
submit-vis-private = Personne
submit-vis-private-hint = Conservée dans les archives, mais jamais montrée à personne.
submit-allow = Qu’autorisez-vous d’autre ?
submit-allow-optional = (vous pouvez ne rien cocher)
submit-allow-quotes = Les personnes qui lisent mon histoire peuvent citer mes mots exacts.
submit-allow-photo = Si j’envoie une photo, elle peut être publiée avec mon histoire (après vérification par un modérateur).
submit-allow-contact = Des journalistes et des chercheurs peuvent me demander un entretien par l’intermédiaire de Passage.
submit-allow-contact-hint = Ils ne sauront jamais qui vous êtes, et vous pouvez toujours dire non.
submit-about-minor = Mon histoire parle d’un enfant (une personne de moins de 18 ans). Deux modérateurs la vérifieront avant sa publication.
submit-adult = J’ai 18 ans ou plus.
submit-send = Envoyer mon histoire
submit-nothing-published = Rien n’est publié avant d’avoir été vérifié par un modérateur.
submit-receipt-next = Votre code de reçu s’affichera sur la page suivante.
edit-heading = Modifier votre histoire
edit-lead = Aucun modérateur ne l’a encore lue, vous pouvez donc toujours tout modifier. Votre code de reçu reste le même, et la photo que vous avez envoyée reste telle quelle.
edit-not-saved = Vos modifications n’ont pas encore été enregistrées
edit-save = Enregistrer mes modifications

## Après l’envoi
sent-title = Votre histoire a été envoyée — gardez votre code de reçu
sent-heading = Merci. Votre histoire a été envoyée.
sent-lead = Un modérateur va la lire et retirer tout ce qui pourrait permettre de vous reconnaître, avant qu’elle soit montrée à qui que ce soit.
sent-receipt-heading = Votre code de reçu
sent-receipt-once = Ce code n’est affiché qu’une seule fois, sur cette page.
sent-keep-heading = Gardez-le en lieu sûr
sent-keep-write = Notez-le sur papier, ou gardez-le dans un endroit que personne d’autre ne peut voir.
sent-keep-only-way = C’est le seul moyen de vérifier votre histoire ou de la retirer.
sent-keep-no-recovery = Nous ne pouvons pas le retrouver : Passage ne sait pas qui vous êtes, nous ne pouvons donc pas vous le renvoyer.
sent-keep-never-ask = Personne de Passage ne vous le demandera jamais. Si quelqu’un vous le demande, ne le donnez pas.
sent-check-link = Vérifier votre histoire avec votre code de reçu

## La page du reçu
receipt-title-status = Votre histoire : { $status }
receipt-title-again = Vérifier un reçu — veuillez réessayer
receipt-heading = Vérifier votre histoire
receipt-status-heading = État de votre histoire
receipt-read-published = Lire votre histoire publiée
receipt-message-heading = Message des modérateurs
receipt-edit-heading = Modifier votre histoire
receipt-edit-text = Tant qu’aucun modérateur ne l’a lue, vous pouvez modifier tout ce que vous avez écrit.
receipt-edit-button = Modifier mon histoire
receipt-consent-heading = Qui peut lire votre histoire
receipt-consent-legend = Vous pouvez changer cela à tout moment
receipt-vis-public = Tout le monde, une fois qu’un modérateur l’a vérifiée
receipt-vis-press = Seulement les journalistes et les chercheurs vérifiés
receipt-vis-private = Personne : la garder dans les archives, sans jamais la montrer
receipt-allow-quotes = Les journalistes peuvent citer mes mots
receipt-allow-photo = Ma photo, si j’en ai envoyé une, peut être montrée avec mon histoire (après vérification par un modérateur)
receipt-allow-contact = Les journalistes peuvent demander un entretien (par l’intermédiaire de Passage, sans jamais savoir qui je suis)
receipt-consent-save = Enregistrer mes choix
receipt-export-heading = Tout ce que nous conservons sur votre histoire
receipt-export-text = Téléchargez-le sous forme de fichier (JSON) : votre histoire telle que vous l’avez envoyée, vos choix, et ce qui lui est arrivé.
receipt-export-button = Télécharger
receipt-withdraw-heading = Retirer votre histoire
receipt-withdraw-text = Vous pouvez changer d’avis à tout moment. Retirer votre histoire la supprime des archives, de la recherche et de toutes les pages, immédiatement et pour toujours. Il ne reste qu’une note disant qu’une histoire a existé, sans rien de son contenu. Cette action ne peut pas être annulée.
receipt-withdraw-confirm = Oui, supprimer mon histoire pour toujours
receipt-withdraw-button = Retirer mon histoire
receipt-another = Vérifier un autre reçu
receipt-lead = Entrez le code de reçu obtenu à l’envoi de votre histoire pour savoir si elle a été publiée.
receipt-code-label = Code de reçu
receipt-code-hint = Il ressemble à ceci :
receipt-check-button = Vérifier
receipt-lost = Vous avez perdu votre code ? Nous ne pouvons pas le retrouver, car Passage ne sait pas qui vous êtes. Personne de Passage ne vous demandera jamais votre code.
receipt-notice-edited = Vos modifications sont enregistrées.
receipt-notice-consent = Vos choix sont enregistrés.
receipt-error-visibility = Veuillez choisir qui peut lire votre histoire.
receipt-error-confirm = Cochez la case pour confirmer que vous voulez retirer votre histoire.
status-submitted = Votre histoire est bien arrivée et attend qu’un modérateur la lise.
status-published = Votre histoire a été publiée, sans aucun détail permettant d’identifier quelqu’un.
status-rejected = Un modérateur a décidé de ne pas publier votre histoire.
status-unpublished = Votre histoire a été publiée, puis retirée par un modérateur.
status-withdrawn = Votre histoire a été retirée. Elle n’est plus dans les archives, ni dans la recherche, ni sur aucune page.

## Erreurs
error-status = Erreur { $status }
error-heading-not-found = Introuvable
error-heading-gone = Plus disponible
error-heading-not-allowed = Non autorisé
error-heading-too-large = Trop volumineux
error-heading-please-wait = Veuillez patienter
error-heading-server = Un problème est survenu
error-heading-did-not-work = Cela n’a pas marché
error-link-home = Aller à la page d’accueil
error-not-found = Il n’y a rien ici. L’adresse est peut-être mal écrite, ou l’histoire n’a jamais été publiée.
error-gone = Cette histoire n’est plus publiée.
error-unknown-receipt = Aucune histoire n’a ce code de reçu. Vérifiez chaque caractère : le code compte 20 lettres et chiffres, en 5 groupes.
error-too-many-attempts = Trop de tentatives pour le moment. Veuillez attendre quelques minutes, puis réessayer.
error-payload-too-large = Ce que vous avez envoyé est trop volumineux.
error-internal = Un problème est survenu de notre côté. Rien de ce que vous avez envoyé n’est perdu ; veuillez réessayer.
error-photo-too-large = La photo dépasse 10 Mo ; veuillez en envoyer une plus petite.
error-unsupported-photo = Seules les photos JPEG, PNG et WebP sont acceptées, et ce fichier n’est dans aucun de ces formats.
error-photo-too-many-pixels = La photo a trop de pixels : 40 mégapixels au maximum sont acceptés.
error-damaged-photo = Impossible de lire la photo : le fichier est endommagé ou incomplet.
error-year-not-a-number = Veuillez écrire l’année en chiffres, par exemple 2015.
error-title-missing-field = Veuillez donner un titre à votre histoire.
error-title-too-long = Le titre ne peut pas dépasser { $max } caractères.
error-body-missing-field = Veuillez écrire votre histoire.
error-body-too-long = L’histoire ne peut pas dépasser { $max } caractères.
error-language-invalid-language = Veuillez choisir la langue de votre histoire.
error-pseudonym-too-long = Le pseudonyme ne peut pas dépasser { $max } caractères.
error-transit-countries-too-many = { $max } pays traversés au maximum.
error-year-invalid-year = L’année doit être comprise entre 1900 et { $latest }.
error-themes-unknown-theme = Un des thèmes ne fait pas partie de la liste.
error-themes-too-many = Choisissez { $max } thèmes au maximum.
error-private-terms-too-long = Chaque nom ou lieu confidentiel ne peut pas dépasser { $max } caractères.
error-private-terms-too-many = { $max } noms et lieux confidentiels au maximum.
error-origin-country-unknown-country = Veuillez choisir un pays dans la liste.
error-residence-country-unknown-country = Veuillez choisir un pays dans la liste.
error-transit-countries-unknown-country = Un des pays traversés n’a pas été reconnu ; écrivez son nom en anglais ou son code à deux lettres.
error-consent-version-consent-version-outdated = Le texte du consentement a changé ; veuillez le relire.

guide-title = Guide de terminologie
guide-intro = Les mots façonnent la manière dont on voit les personnes qui ont migré. Ce guide recense des termes qui déshumanisent ou affirment quelque chose d’inexact, avec de meilleurs mots et la raison. Rien n’est réécrit à votre place : un terme peut être juste dans une citation.
guide-check-title = Vérifier un texte
guide-draft = Votre texte
guide-language = Langue du texte
guide-all-languages = Toutes les langues
guide-check-button = Vérifier
guide-private-note = Votre texte est vérifié puis oublié : il n’est ni conservé ni journalisé.
guide-none = Aucun terme du guide n’a été trouvé.
guide-found = { $count ->
    [one] Un terme à revoir
   *[other] { $count } termes à revoir
}
guide-instead = Plutôt :
nav-guide = Guide de terminologie

receipt-contact-heading = Demandes d’entretien
receipt-contact-intro = Un·e journaliste ou chercheur·se a demandé, par l’intermédiaire des archives, à vous interviewer. Cette personne ne sait pas qui vous êtes. C’est vous qui décidez : répondez oui et écrivez comment vous joindre (seul ce que vous écrivez est envoyé), ou dites non. Vous n’êtes pas obligé·e de répondre.
receipt-contact-from = De { $journalist }
receipt-contact-reply = Comment peut-on vous joindre ?
receipt-contact-reply-hint = Par exemple une nouvelle adresse e-mail ou un nom de messagerie que vous n’utilisez que pour cela. N’écrivez rien que vous ne voulez pas lui donner.
receipt-contact-yes = Oui, envoyer
receipt-contact-no = Non, merci
receipt-contact-accepted = Vous avez dit oui ; votre message a été envoyé.
receipt-contact-refused = Vous avez dit non.
receipt-notice-contact = Votre réponse a été envoyée.
receipt-contact-error = Votre réponse n’a pas pu être envoyée : pour dire oui, écrivez comment vous joindre.
