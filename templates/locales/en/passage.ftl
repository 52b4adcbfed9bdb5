# Passage: the interface in English. Every other catalogue has exactly these messages.
# Keep the tone plain and warm; a storyteller may be reading on a small phone in a hurry.

language-name = English

## Layout
skip-to-content = Skip to content
nav-label = Main
nav-languages = Language
nav-read = Read stories
nav-tell = Tell your story
nav-receipt = Check a receipt
footer-privacy = Passage sets no tracking cookies and makes no requests to other sites.
footer-staff = Staff login
optional = (optional)
all-optional = (all optional)
choose-any = (choose any)
prefer-not-say = Prefer not to say
stories-word = { $count ->
    [one] story
   *[other] stories
}

## Themes
theme-journey = The journey
theme-work = Work and livelihood
theme-family = Family
theme-education = Learning
theme-language = Language
theme-home = Finding a home
theme-community = Community
theme-health = Health and care
theme-culture = Food and culture
theme-protection = Seeking protection
theme-climate = Climate and land
theme-return = Ties to home

## Home
home-title = Migrant stories, in their own words
home-heading = Every migrant has a story to tell
home-lead = Passage is an archive of stories told by people who migrated. It shows the person behind the statistics, in their own words — and keeps them safe: nothing that could identify a storyteller is ever published.
home-total = { $count ->
    [one] One story to read.
   *[other] { $count } stories to read.
}
home-total-none = No stories are published yet — yours could be one of the first.
home-read = Read
home-tell = Tell
home-tell-text = Write your story in any language, from your phone. No account, no e-mail address. You choose who may read it, and you can withdraw it at any time.
home-by-theme = Browse by theme
home-by-origin = Browse by country of origin
home-recent = Recent stories
home-all-stories = All stories

## Story cards
meta-told-by = Told by
meta-from = From { $country }
meta-lives-in = Lives in { $country }
meta-left-in = Left in { $year }
meta-in-language = In { $language }
meta-published = Published { $date }

## Search
search-label = Search the stories
search-button = Search
search-filters = Filters
search-theme = Theme
search-any = Any
search-residence = Country of residence
search-year = Year left
search-year-from = Left from year
search-year-to = Left until year
search-apply = Apply filters
search-clear = Clear all
search-count = { $count ->
    [one] 1 story
   *[other] { $count } stories
}
search-count-for = { $count ->
    [one] 1 story for
   *[other] { $count } stories for
}
search-page-of = page { $page } of { $pages }
search-none = No stories match
search-none-for = No stories match
search-none-filters = with these filters.
search-none-advice = Try fewer or different words, check the spelling, remove a filter, or
search-browse-all = browse all stories.
search-pages = Pages of results
search-previous = ← Previous page
search-next = Next page →
search-narrow = Narrow down
search-selected = (selected — follow to remove this filter)
search-export = Download these results (published text only, and only where quoting is allowed):
search-read-as = Your search was read as
search-typed = You typed
search-sort = Sort by
search-sort-default = Best match first (or newest without words)
search-sort-relevance = Best match
search-sort-newest = Newest first
search-sort-oldest = Oldest first
search-sort-year = Year of departure
search-few = Fewer than a handful of stories: the number is hidden so that nobody can be singled out
search-error-only-exclusions = The search only leaves words out. Add at least one word to look for.
search-error-too-long = The search is too long: at most { $max } characters.
search-error-too-many-parts = The search has too many words: at most { $max }.
search-error-years-reversed = The first year is after the last one. Swap them, or leave one empty.
search-error-too-deep = Only the first { $max } results can be paged through. Add a word or a filter to narrow the search.
search-error-filter = A filter in the address is not one we know. Choose it again from the lists.
search-error-query = The search could not be read. Check the quotation marks and minus signs.
story-more-like-this = More like this

## A story
story-press-badge = Press only
story-press-note = This story is shown only to verified journalists and researchers.
story-photo-alt = A photo shared by the person who told this story.
story-about = About this story
story-told-by = Told by
story-anonymous = Anonymous
story-language = Language
story-origin = Country of origin
story-transit = Passed through
story-residence = Lives in
story-year = Year of leaving
story-themes = Themes
story-published = Published
story-readers = Who can read it
story-readers-everyone = Everyone
story-readers-press = Verified journalists and researchers
story-redaction-note = Names and places that could identify the storyteller were replaced before publication, for example with [person 1] or [town].
story-cite = Cite this story
story-permalink = Permalink:
story-quotes-ok = Quoting allowed
story-quotes-no = Please do not quote — paraphrase only

## Telling a story
submit-title-check = Please check your story
submit-before = Before you start
submit-before-account = You do not need an account or an e-mail address.
submit-before-language = Write in any language you like, in your own words.
submit-before-moderator = Before anything is published, a moderator removes anything that could identify you: names, places, phone numbers.
submit-before-choose = You choose who may read your story, and you can change your mind.
submit-before-receipt = When you send it, you get a receipt code. With it you can check your story or withdraw it at any time.
submit-not-sent = Your story was not sent yet
submit-nothing-lost = Nothing you wrote is lost: it is all still in the form below.
submit-story-legend = Your story
submit-title = Title
submit-title-hint = A few words that sum up your story.
submit-body-hint = Tell it the way you want: where you started, the journey, where you are now, what you want people to know. Take your time — this page does not save drafts, so you may want to write a long story somewhere else first and paste it here.
submit-language = Language of your story
submit-language-choose = Choose a language
submit-pseudonym = Pseudonym
submit-pseudonym-hint = A name to show with your story — not your real name.
submit-journey = Your journey
submit-origin = Country you come from
submit-transit = Countries on the way
submit-transit-hint = Countries you passed through, separated by commas.
submit-residence = Country you live in now
submit-year = Year you left
submit-year-hint = For example 2015.
submit-themes = What is your story about?
submit-private = Names and places to keep private
submit-private-hint = One per line. We will always remove these before anything is published: your name, your family's, the village you come from, the people who helped you, the places where you stayed. Nobody outside the moderation team ever sees this list.
submit-photo = A photo
submit-photo-hint = One JPEG, PNG or WebP photo, at most 10 MB. We remove everything hidden in the file (such as where and with which phone it was taken), and a moderator blurs faces, signs and number plates before it is shown. It is shown only if you allow it below.
submit-photo-again = If you had chosen a photo, please choose it again.
submit-consent = Your consent
submit-consent-switch-hint = You can read this page and the consent in another language at the top of the page; what you wrote stays, but a photo you chose must be chosen again.
submit-who = Who may read your story?
submit-vis-public-hint = Anyone can read it once a moderator has checked it.
submit-vis-press = Journalists and researchers only
submit-vis-press-hint = Only journalists and researchers verified by Passage can read it, once a moderator has checked it.
submit-vis-private = Nobody
submit-vis-private-hint = Kept in the archive, but never shown to anyone.
submit-allow = What else do you allow?
submit-allow-optional = (you may leave these empty)
submit-allow-quotes = People who read my story may quote my exact words.
submit-allow-photo = If I send a photo, it may be published with my story (after a moderator has checked it).
submit-allow-contact = Journalists and researchers may ask me for an interview through Passage.
submit-allow-contact-hint = They never learn who you are, and you can always say no.
submit-about-minor = My story is about a child (someone under 18). Two moderators will check it before it is published.
submit-adult = I am 18 or older.
submit-send = Send my story
submit-nothing-published = Nothing is published until a moderator has checked it.
submit-receipt-next = Your receipt code will be shown on the next page.
edit-heading = Edit your story
edit-lead = A moderator has not read it yet, so you can still change anything. Your receipt code stays the same, and a photo you sent stays as it is.
edit-not-saved = Your changes were not saved yet
edit-save = Save my changes

## After sending
sent-title = Your story was sent — keep your receipt code
sent-heading = Thank you. Your story was sent.
sent-lead = A moderator will read it and remove anything that could identify you before it is shown to anyone.
sent-receipt-heading = Your receipt code
sent-receipt-once = This code is shown only once, on this page.
sent-keep-heading = Keep it safe
sent-keep-write = Write it down on paper, or keep it somewhere only you can see.
sent-keep-only-way = It is the only way to check your story or to withdraw it.
sent-keep-no-recovery = We cannot recover it: Passage does not know who you are, so we cannot send it to you again.
sent-keep-never-ask = Nobody from Passage will ever ask you for it. If someone does, do not give it to them.
sent-check-link = Check your story with your receipt code

## The receipt page
receipt-title-status = Your story: { $status }
receipt-title-again = Check a receipt — please try again
receipt-heading = Check your story
receipt-status-heading = Status of your story
receipt-read-published = Read your published story
receipt-message-heading = Message from the moderators
receipt-edit-heading = Change your story
receipt-edit-text = Until a moderator has read it, you can change anything you wrote.
receipt-edit-button = Edit my story
receipt-consent-heading = Who may read your story
receipt-consent-legend = You can change this at any time
receipt-vis-public = Everyone, once a moderator has checked it
receipt-vis-press = Only verified journalists and researchers
receipt-vis-private = Nobody: keep it in the archive, never show it
receipt-allow-quotes = Journalists may quote my words
receipt-allow-photo = My photo, if I sent one, may be shown with my story (after a moderator has checked it)
receipt-allow-contact = Journalists may ask for an interview (through Passage, never learning who I am)
receipt-consent-save = Save my choices
receipt-export-heading = Everything we hold about your story
receipt-export-text = Download it as a file (JSON): your story as you sent it, your choices, and what happened to it.
receipt-export-button = Download
receipt-withdraw-heading = Withdraw your story
receipt-withdraw-text = You can change your mind at any time. Withdrawing removes your story from the archive, from search and from every page, at once and for good. Only a note that a story once existed remains, with nothing of its content. This cannot be undone.
receipt-withdraw-confirm = Yes, remove my story for good
receipt-withdraw-button = Withdraw my story
receipt-another = Check another receipt
receipt-lead = Enter the receipt code you got when you sent your story to see whether it has been published.
receipt-code-label = Receipt code
receipt-code-hint = It looks like this:
receipt-check-button = Check
receipt-lost = Lost your code? We cannot recover it, because Passage does not know who you are. Nobody from Passage will ever ask you for your code.
receipt-notice-edited = Your changes are saved.
receipt-notice-consent = Your choices are saved.
receipt-error-visibility = Please choose who may read your story.
receipt-error-confirm = Tick the box to confirm that you want to withdraw your story.
status-submitted = Your story has arrived and is waiting for a moderator to read it.
status-published = Your story has been published, with every identifying detail removed.
status-rejected = A moderator decided not to publish your story.
status-unpublished = Your story was published and has since been taken down by a moderator.
status-withdrawn = Your story has been withdrawn. It is gone from the archive, from search and from every page.

## Errors
error-status = Error { $status }
error-heading-not-found = Not found
error-heading-gone = No longer here
error-heading-not-allowed = Not allowed
error-heading-too-large = Too large
error-heading-please-wait = Please wait
error-heading-server = Something went wrong
error-heading-did-not-work = That did not work
error-link-home = Go to the home page
error-not-found = There is nothing here. The address may be mistyped, or the story was never published.
error-gone = This story is no longer published.
error-unknown-receipt = No story has this receipt code. Check each character: the code has 20 letters and digits in 5 groups.
error-too-many-attempts = Too many attempts for now. Please wait a few minutes and try again.
error-payload-too-large = What you sent is too large.
error-internal = Something went wrong on our side. Nothing you sent was lost; please try again.
error-photo-too-large = The photo is larger than 10 MB; please send a smaller one.
error-unsupported-photo = Only JPEG, PNG and WebP photos are accepted, and this file is none of them.
error-photo-too-many-pixels = The photo has too many pixels: at most 40 megapixels are accepted.
error-damaged-photo = The photo could not be read: the file is damaged or incomplete.
error-year-not-a-number = Please write the year as a number, for example 2015.
error-title-missing-field = Please give your story a title.
error-title-too-long = The title may have at most { $max } characters.
error-body-missing-field = Please write your story.
error-body-too-long = The story may have at most { $max } characters.
error-language-invalid-language = Please choose the language of your story.
error-pseudonym-too-long = The pseudonym may have at most { $max } characters.
error-transit-countries-too-many = At most { $max } countries on the way.
error-year-invalid-year = The year must be between 1900 and { $latest }.
error-themes-unknown-theme = A theme is not in the list.
error-themes-too-many = Choose at most { $max } themes.
error-private-terms-too-long = Each private name or place may have at most { $max } characters.
error-private-terms-too-many = At most { $max } private names and places.
error-origin-country-unknown-country = Please choose a country from the list.
error-residence-country-unknown-country = Please choose a country from the list.
error-transit-countries-unknown-country = A country on the way was not recognised; write its name in English or its two-letter code.
error-consent-version-consent-version-outdated = The consent text has changed; please read it again.

guide-title = Terminology guide
guide-intro = Words shape how readers see people who migrated. This guide lists terms that dehumanise people or state something inaccurate, with better words and the reason. Nothing is rewritten for you: a term may be right in a direct quote.
guide-check-title = Check a draft
guide-draft = Your draft
guide-language = Language of the draft
guide-all-languages = All languages
guide-check-button = Check
guide-private-note = Your draft is checked and forgotten: it is not stored or logged.
guide-none = None of the guide's terms were found.
guide-found = { $count ->
    [one] One term to look at
   *[other] { $count } terms to look at
}
guide-instead = Instead:
nav-guide = Terminology guide

receipt-contact-heading = Requests to talk with you
receipt-contact-intro = A journalist or researcher asked, through the archive, to interview you. They do not know who you are. You decide: answer yes and write how they may reach you (only what you write is sent), or say no. You do not have to answer at all.
receipt-contact-from = From { $journalist }
receipt-contact-reply = How may they reach you?
receipt-contact-reply-hint = For example a new e-mail address or a messaging name you use only for this. Do not write anything you do not want them to have.
receipt-contact-yes = Yes, send this
receipt-contact-no = No, thank you
receipt-contact-accepted = You said yes; what you wrote was sent.
receipt-contact-refused = You said no.
receipt-notice-contact = Your answer was sent.
receipt-contact-error = Your answer could not be sent: to say yes, write how they may reach you.
