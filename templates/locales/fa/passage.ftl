# Passage: رابط کاربری به زبان فارسی (Persian). Every catalogue has exactly the messages of the English one.
# لحن ساده و گرم، با «شما»؛ راوی ممکن است با عجله و روی یک تلفن کوچک بخواند.

language-name = فارسی

## Layout
skip-to-content = رفتن به محتوای اصلی
nav-label = منوی اصلی
nav-languages = زبان
nav-read = خواندن داستان‌ها
nav-tell = داستان خود را بگویید
nav-receipt = بررسی رسید
footer-privacy = Passage هیچ کوکی ردیابی ذخیره نمی‌کند و هیچ درخواستی به سایت‌های دیگر نمی‌فرستد.
footer-staff = ورود کارکنان
optional = (اختیاری)
all-optional = (همه اختیاری)
choose-any = (هر تعداد که می‌خواهید)
prefer-not-say = ترجیح می‌دهم نگویم
stories-word = { $count ->
    [one] داستان
   *[other] داستان
}

## Themes
theme-journey = سفر
theme-work = کار و معیشت
theme-family = خانواده
theme-education = یادگیری
theme-language = زبان
theme-home = پیدا کردن خانه
theme-community = جامعه
theme-health = سلامت و مراقبت
theme-culture = غذا و فرهنگ
theme-protection = در جستجوی پناه
theme-climate = اقلیم و زمین
theme-return = پیوند با وطن

## Home
home-title = داستان‌های مهاجران، از زبان خودشان
home-heading = هر مهاجری داستانی برای گفتن دارد
home-lead = Passage آرشیوی است از داستان‌های کسانی که مهاجرت کرده‌اند، به روایت خودشان. انسانِ پشت آمارها را با کلمات خود او نشان می‌دهد — و از راویان محافظت می‌کند: هیچ چیزی که بتواند هویت راوی را فاش کند، هرگز منتشر نمی‌شود.
home-total = { $count ->
    [one] یک داستان برای خواندن.
   *[other] { $count } داستان برای خواندن.
}
home-total-none = هنوز هیچ داستانی منتشر نشده است — داستان شما می‌تواند یکی از اولین‌ها باشد.
home-read = بخوانید
home-tell = بگویید
home-tell-text = داستان خود را به هر زبانی، با تلفن همراه خود بنویسید. بدون حساب کاربری، بدون آدرس ایمیل. شما انتخاب می‌کنید چه کسی اجازه دارد آن را بخواند، و هر وقت بخواهید می‌توانید آن را پس بگیرید.
home-by-theme = مرور بر اساس موضوع
home-by-origin = مرور بر اساس کشور مبدأ
home-recent = داستان‌های تازه
home-all-stories = همه داستان‌ها

## Story cards
meta-told-by = به روایت
meta-from = اهل { $country }
meta-lives-in = ساکن { $country }
meta-left-in = ترک کشور در سال { $year }
meta-in-language = به زبان { $language }
meta-published = منتشرشده در { $date }

## Search
search-label = جستجو در داستان‌ها
search-button = جستجو
search-filters = فیلترها
search-theme = موضوع
search-any = همه
search-residence = کشور محل زندگی
search-year = سال ترک کشور
search-year-from = سال ترک کشور از
search-year-to = سال ترک کشور تا
search-apply = اعمال فیلترها
search-clear = پاک کردن همه
search-count = { $count ->
    [one] یک داستان
   *[other] { $count } داستان
}
search-count-for = { $count ->
    [one] یک داستان مطابق با
   *[other] { $count } داستان مطابق با
}
search-page-of = صفحه { $page } از { $pages }
search-none = هیچ داستانی پیدا نشد
search-none-for = هیچ داستانی پیدا نشد برای
search-none-filters = با این فیلترها.
search-none-advice = کلمات کمتر یا متفاوتی را امتحان کنید، املا را بررسی کنید، یک فیلتر را بردارید، یا
search-browse-all = همه داستان‌ها را مرور کنید.
search-pages = صفحه‌های نتایج
search-previous = → صفحه قبلی
search-next = صفحه بعدی ←
search-narrow = محدود کردن نتایج
search-selected = (انتخاب‌شده — با باز کردن این لینک، این فیلتر برداشته می‌شود)
search-export = دریافت این نتیجه‌ها (فقط متن منتشرشده، و فقط جایی که نقل قول مجاز است):
search-read-as = جست‌وجوی شما این‌گونه خوانده شد:
search-typed = نوشته بودید
search-sort = مرتب‌سازی
search-sort-default = مرتبط‌ترین اول (یا تازه‌ترین بدون واژه)
search-sort-relevance = مرتبط‌ترین
search-sort-newest = تازه‌ترین اول
search-sort-oldest = قدیمی‌ترین اول
search-sort-year = سال رفتن
search-few = داستان‌های بسیار کم: شمار را پنهان کرده‌ایم تا کسی شناسایی نشود
search-error-only-exclusions = این جستجو فقط واژه‌ها را کنار می‌گذارد. دست‌کم یک واژه برای جستجو بیفزایید.
search-error-too-long = جستجو بیش از اندازه بلند است: حداکثر { $max } نویسه.
search-error-too-many-parts = جستجو واژه‌های بسیار زیادی دارد: حداکثر { $max }.
search-error-years-reversed = سال نخست پس از سال آخر است. جای آن‌ها را عوض کنید یا یکی را خالی بگذارید.
search-error-too-deep = تنها { $max } نتیجهٔ نخست را می‌توان ورق زد. برای محدود کردن جستجو یک واژه یا یک فیلتر بیفزایید.
search-error-filter = یکی از فیلترهای نشانی برای ما ناشناخته است. آن را دوباره از فهرست‌ها برگزینید.
search-error-query = جستجو خوانده نشد. گیومه‌ها و نشانه‌های منها را بررسی کنید.
story-more-like-this = داستان‌های مشابه

## A story
story-press-badge = فقط برای رسانه‌ها
story-press-note = این داستان فقط به خبرنگاران و پژوهشگرانِ تأییدشده نشان داده می‌شود.
story-photo-alt = عکسی که راوی این داستان فرستاده است.
story-about = درباره این داستان
story-told-by = راوی
story-anonymous = بی‌نام
story-language = زبان
story-origin = کشور مبدأ
story-transit = کشورهای سر راه
story-residence = محل زندگی
story-year = سال ترک کشور
story-themes = موضوع‌ها
story-published = تاریخ انتشار
story-readers = چه کسانی می‌توانند آن را بخوانند
story-readers-everyone = همه
story-readers-press = خبرنگاران و پژوهشگران تأییدشده
story-redaction-note = نام‌ها و جاهایی که می‌توانستند هویت راوی را فاش کنند، پیش از انتشار جایگزین شده‌اند، برای مثال با [person 1] یا [town].
story-cite = ارجاع به این داستان
story-permalink = لینک دائمی:
story-quotes-ok = نقل قول مجاز است
story-quotes-no = لطفاً نقل قول نکنید — فقط با کلمات خودتان بازگو کنید

## Telling a story
submit-title-check = لطفاً داستان خود را بررسی کنید
submit-before = پیش از شروع
submit-before-account = به حساب کاربری یا آدرس ایمیل نیازی ندارید.
submit-before-language = به هر زبانی که دوست دارید و با کلمات خودتان بنویسید.
submit-before-moderator = پیش از انتشار هر چیزی، یک ناظر هر چیزی را که بتواند شما را شناسایی کند حذف می‌کند: نام‌ها، جاها، شماره‌های تلفن.
submit-before-choose = شما انتخاب می‌کنید چه کسی اجازه دارد داستانتان را بخواند، و می‌توانید نظرتان را تغییر دهید.
submit-before-receipt = وقتی داستان را بفرستید، یک کد رسید می‌گیرید. با آن می‌توانید هر وقت بخواهید داستانتان را بررسی کنید یا پس بگیرید.
submit-not-sent = داستان شما هنوز فرستاده نشده است
submit-nothing-lost = هیچ چیزی از نوشته‌هایتان از بین نرفته است: همه هنوز در فرم زیر هست.
submit-story-legend = داستان شما
submit-title = عنوان
submit-title-hint = چند کلمه که داستانتان را خلاصه کند.
submit-body-hint = آن را همان‌طور که می‌خواهید بگویید: از کجا شروع کردید، سفرتان، اکنون کجا هستید، و چه می‌خواهید مردم بدانند. عجله‌ای نیست — این صفحه پیش‌نویس را ذخیره نمی‌کند، پس اگر داستانتان طولانی است، شاید بهتر باشد اول آن را جای دیگری بنویسید و بعد اینجا بچسبانید.
submit-language = زبان داستان شما
submit-language-choose = یک زبان انتخاب کنید
submit-pseudonym = نام مستعار
submit-pseudonym-hint = نامی که همراه داستانتان نشان داده شود — نه نام واقعی شما.
submit-journey = سفر شما
submit-origin = کشوری که از آن آمده‌اید
submit-transit = کشورهای سر راه
submit-transit-hint = کشورهایی که از آنها گذشته‌اید، با ویرگول از هم جدا شده.
submit-residence = کشوری که اکنون در آن زندگی می‌کنید
submit-year = سالی که کشورتان را ترک کردید
submit-year-hint = برای مثال 2015.
submit-themes = داستان شما درباره چیست؟
submit-private = نام‌ها و جاهایی که باید پنهان بمانند
submit-private-hint = هر کدام در یک خط. ما همیشه پیش از انتشار هر چیزی این‌ها را حذف می‌کنیم: نام شما، نام اعضای خانواده‌تان، روستایی که از آن آمده‌اید، کسانی که به شما کمک کرده‌اند، جاهایی که در آنها مانده‌اید. هیچ کس بیرون از تیم ناظران هرگز این فهرست را نمی‌بیند.
submit-photo = یک عکس
submit-photo-hint = یک عکس JPEG، PNG یا WebP، حداکثر 10 MB. ما هر چیزی را که در فایل پنهان است حذف می‌کنیم (مانند اینکه عکس کجا و با کدام تلفن گرفته شده است)، و یک ناظر پیش از نمایش عکس، چهره‌ها، تابلوها و پلاک‌های ماشین را محو می‌کند. عکس فقط در صورتی نشان داده می‌شود که پایین‌تر اجازه دهید.
submit-photo-again = اگر عکسی انتخاب کرده بودید، لطفاً دوباره آن را انتخاب کنید.
submit-consent = رضایت شما
submit-consent-switch-hint = می‌توانید این صفحه و متن رضایت را از بالای صفحه به زبان دیگری بخوانید؛ آنچه نوشته‌اید باقی می‌ماند، اما عکسی را که انتخاب کرده بودید باید دوباره انتخاب کنید.
submit-who = چه کسی اجازه دارد داستان شما را بخواند؟
submit-vis-public-hint = هر کسی می‌تواند آن را بخواند، پس از آنکه یک ناظر آن را بررسی کرد.
submit-vis-press = فقط خبرنگاران و پژوهشگران
submit-vis-press-hint = فقط خبرنگاران و پژوهشگرانی که Passage آنها را تأیید کرده است می‌توانند آن را بخوانند، پس از آنکه یک ناظر آن را بررسی کرد.
submit-vis-private = هیچ کس
submit-vis-private-hint = در آرشیو نگه داشته می‌شود، اما هرگز به هیچ کس نشان داده نمی‌شود.
submit-allow = به چه چیز دیگری اجازه می‌دهید؟
submit-allow-optional = (می‌توانید این‌ها را خالی بگذارید)
submit-allow-quotes = کسانی که داستانم را می‌خوانند، می‌توانند عین کلمات مرا نقل کنند.
submit-allow-photo = اگر عکسی بفرستم، می‌تواند همراه داستانم منتشر شود (پس از آنکه یک ناظر آن را بررسی کرد).
submit-allow-contact = خبرنگاران و پژوهشگران می‌توانند از طریق Passage از من درخواست مصاحبه کنند.
submit-allow-contact-hint = آنها هرگز نمی‌فهمند شما چه کسی هستید، و همیشه می‌توانید نه بگویید.
submit-about-minor = داستان من درباره یک کودک است (کسی زیر 18 سال). دو ناظر پیش از انتشار آن را بررسی می‌کنند.
submit-adult = من 18 سال یا بیشتر دارم.
submit-send = فرستادن داستانم
submit-nothing-published = تا یک ناظر آن را بررسی نکند، هیچ چیزی منتشر نمی‌شود.
submit-receipt-next = کد رسید شما در صفحه بعد نشان داده می‌شود.
edit-heading = ویرایش داستان شما
edit-lead = هنوز هیچ ناظری آن را نخوانده است، پس هنوز می‌توانید هر چیزی را تغییر دهید. کد رسید شما همان می‌ماند، و عکسی که فرستاده‌اید همان‌طور که هست باقی می‌ماند.
edit-not-saved = تغییرات شما هنوز ذخیره نشده است
edit-save = ذخیره تغییراتم

## After sending
sent-title = داستان شما فرستاده شد — کد رسید خود را نگه دارید
sent-heading = سپاسگزاریم. داستان شما فرستاده شد.
sent-lead = یک ناظر آن را می‌خواند و پیش از آنکه به کسی نشان داده شود، هر چیزی را که بتواند شما را شناسایی کند حذف می‌کند.
sent-receipt-heading = کد رسید شما
sent-receipt-once = این کد فقط یک بار، در همین صفحه، نشان داده می‌شود.
sent-keep-heading = آن را در جای امن نگه دارید
sent-keep-write = آن را روی کاغذ بنویسید، یا جایی نگه دارید که فقط خودتان بتوانید ببینید.
sent-keep-only-way = این تنها راه برای بررسی داستانتان یا پس گرفتن آن است.
sent-keep-no-recovery = ما نمی‌توانیم آن را بازیابی کنیم: Passage نمی‌داند شما چه کسی هستید، پس نمی‌توانیم دوباره آن را برایتان بفرستیم.
sent-keep-never-ask = هیچ کس از طرف Passage هرگز آن را از شما نمی‌خواهد. اگر کسی خواست، آن را به او ندهید.
sent-check-link = داستان خود را با کد رسید بررسی کنید

## The receipt page
receipt-title-status = داستان شما: { $status }
receipt-title-again = بررسی رسید — لطفاً دوباره تلاش کنید
receipt-heading = بررسی داستان شما
receipt-status-heading = وضعیت داستان شما
receipt-read-published = خواندن داستان منتشرشده شما
receipt-message-heading = پیام ناظران
receipt-edit-heading = تغییر داستان شما
receipt-edit-text = تا وقتی یک ناظر آن را نخوانده است، می‌توانید هر چیزی را که نوشته‌اید تغییر دهید.
receipt-edit-button = ویرایش داستانم
receipt-consent-heading = چه کسی اجازه دارد داستان شما را بخواند
receipt-consent-legend = هر وقت بخواهید می‌توانید این را تغییر دهید
receipt-vis-public = همه، پس از آنکه یک ناظر آن را بررسی کرد
receipt-vis-press = فقط خبرنگاران و پژوهشگران تأییدشده
receipt-vis-private = هیچ کس: در آرشیو نگه داشته شود، هرگز نشان داده نشود
receipt-allow-quotes = خبرنگاران می‌توانند کلمات مرا نقل کنند
receipt-allow-photo = عکسم، اگر فرستاده باشم، می‌تواند همراه داستانم نشان داده شود (پس از آنکه یک ناظر آن را بررسی کرد)
receipt-allow-contact = خبرنگاران می‌توانند درخواست مصاحبه کنند (از طریق Passage، بدون اینکه هرگز بفهمند من چه کسی هستم)
receipt-consent-save = ذخیره انتخاب‌هایم
receipt-export-heading = هر آنچه درباره داستان شما نگه داشته‌ایم
receipt-export-text = آن را به صورت یک فایل (JSON) دانلود کنید: داستانتان همان‌طور که فرستادید، انتخاب‌هایتان، و آنچه بر سر آن آمده است.
receipt-export-button = دانلود
receipt-withdraw-heading = پس گرفتن داستان
receipt-withdraw-text = هر وقت بخواهید می‌توانید نظرتان را تغییر دهید. پس گرفتن داستان، آن را فوراً و برای همیشه از آرشیو، از جستجو و از همه صفحه‌ها حذف می‌کند. فقط یادداشتی باقی می‌ماند که نشان می‌دهد روزی داستانی وجود داشته است، بدون هیچ چیزی از محتوای آن. این کار برگشت‌پذیر نیست.
receipt-withdraw-confirm = بله، داستانم برای همیشه حذف شود
receipt-withdraw-button = پس گرفتن داستانم
receipt-another = بررسی یک رسید دیگر
receipt-lead = کد رسیدی را که هنگام فرستادن داستانتان گرفتید وارد کنید تا ببینید آیا منتشر شده است یا نه.
receipt-code-label = کد رسید
receipt-code-hint = شکل آن این‌طور است:
receipt-check-button = بررسی
receipt-lost = کدتان را گم کرده‌اید؟ ما نمی‌توانیم آن را بازیابی کنیم، چون Passage نمی‌داند شما چه کسی هستید. هیچ کس از طرف Passage هرگز کدتان را از شما نمی‌خواهد.
receipt-notice-edited = تغییرات شما ذخیره شد.
receipt-notice-consent = انتخاب‌های شما ذخیره شد.
receipt-error-visibility = لطفاً انتخاب کنید چه کسی اجازه دارد داستان شما را بخواند.
receipt-error-confirm = برای تأیید اینکه می‌خواهید داستانتان را پس بگیرید، خانه را علامت بزنید.
status-submitted = داستان شما رسیده است و منتظر است تا یک ناظر آن را بخواند.
status-published = داستان شما منتشر شده است، و همه جزئیاتی که ممکن بود هویت کسی را فاش کند از آن حذف شده است.
status-rejected = یک ناظر تصمیم گرفت داستان شما را منتشر نکند.
status-unpublished = داستان شما منتشر شده بود و پس از آن یک ناظر آن را از انتشار برداشته است.
status-withdrawn = داستان شما پس گرفته شده است. از آرشیو، از جستجو و از همه صفحه‌ها حذف شده است.

## Errors
error-status = خطای { $status }
error-heading-not-found = پیدا نشد
error-heading-gone = دیگر اینجا نیست
error-heading-not-allowed = مجاز نیست
error-heading-too-large = بیش از حد بزرگ است
error-heading-please-wait = لطفاً صبر کنید
error-heading-server = مشکلی پیش آمد
error-heading-did-not-work = انجام نشد
error-link-home = رفتن به صفحه اصلی
error-not-found = اینجا چیزی نیست. ممکن است آدرس اشتباه نوشته شده باشد، یا داستان هرگز منتشر نشده باشد.
error-gone = این داستان دیگر منتشر نمی‌شود.
error-unknown-receipt = هیچ داستانی با این کد رسید وجود ندارد. هر حرف را بررسی کنید: کد از 20 حرف و عدد در 5 گروه تشکیل شده است.
error-too-many-attempts = فعلاً تلاش‌ها بیش از حد بوده است. لطفاً چند دقیقه صبر کنید و دوباره تلاش کنید.
error-payload-too-large = آنچه فرستادید بیش از حد بزرگ است.
error-internal = مشکلی در سمت ما پیش آمد. هیچ چیزی از آنچه فرستادید از بین نرفت؛ لطفاً دوباره تلاش کنید.
error-photo-too-large = حجم عکس بیشتر از 10 MB است؛ لطفاً عکس کوچک‌تری بفرستید.
error-unsupported-photo = فقط عکس‌های JPEG، PNG و WebP پذیرفته می‌شوند، و این فایل هیچ‌کدام از آنها نیست.
error-photo-too-many-pixels = تعداد پیکسل‌های عکس بیش از حد است: حداکثر 40 مگاپیکسل پذیرفته می‌شود.
error-damaged-photo = عکس خوانده نشد: فایل خراب یا ناقص است.
error-year-not-a-number = لطفاً سال را با عدد بنویسید، برای مثال 2015.
error-title-missing-field = لطفاً برای داستانتان عنوانی بنویسید.
error-title-too-long = عنوان حداکثر می‌تواند { $max } حرف داشته باشد.
error-body-missing-field = لطفاً داستانتان را بنویسید.
error-body-too-long = داستان حداکثر می‌تواند { $max } حرف داشته باشد.
error-language-invalid-language = لطفاً زبان داستانتان را انتخاب کنید.
error-pseudonym-too-long = نام مستعار حداکثر می‌تواند { $max } حرف داشته باشد.
error-transit-countries-too-many = حداکثر { $max } کشور سر راه.
error-year-invalid-year = سال باید بین 1900 و { $latest } باشد.
error-themes-unknown-theme = یکی از موضوع‌ها در فهرست نیست.
error-themes-too-many = حداکثر { $max } موضوع انتخاب کنید.
error-private-terms-too-long = هر نام یا جایی که باید پنهان بماند حداکثر می‌تواند { $max } حرف داشته باشد.
error-private-terms-too-many = حداکثر { $max } نام و جای پنهان.
error-origin-country-unknown-country = لطفاً یک کشور از فهرست انتخاب کنید.
error-residence-country-unknown-country = لطفاً یک کشور از فهرست انتخاب کنید.
error-transit-countries-unknown-country = یکی از کشورهای سر راه شناخته نشد؛ نام آن را به انگلیسی یا کد دوحرفی آن را بنویسید.
error-consent-version-consent-version-outdated = متن رضایت تغییر کرده است؛ لطفاً دوباره آن را بخوانید.

guide-title = راهنمای واژگان
guide-intro = واژه‌ها نگاه خوانندگان به مهاجران را شکل می‌دهند. این راهنما واژه‌هایی را که انسانیت را از آدم‌ها می‌گیرند یا نادرست‌اند، همراه با واژه‌های بهتر و دلیل آن فهرست می‌کند. چیزی به جای شما بازنویسی نمی‌شود: یک واژه در نقل قول مستقیم ممکن است درست باشد.
guide-check-title = بررسی یک متن
guide-draft = متن شما
guide-language = زبان متن
guide-all-languages = همه زبان‌ها
guide-check-button = بررسی
guide-private-note = متن شما بررسی و سپس فراموش می‌شود: نه ذخیره می‌شود و نه ثبت.
guide-none = هیچ واژه‌ای از راهنما پیدا نشد.
guide-found = { $count ->
    [one] یک واژه برای بازبینی
   *[other] { $count } واژه برای بازبینی
}
guide-instead = به جای آن:
nav-guide = راهنمای واژگان

receipt-contact-heading = درخواست‌های گفت‌وگو با شما
receipt-contact-intro = یک روزنامه‌نگار یا پژوهشگر از راه آرشیو خواسته با شما مصاحبه کند. او نمی‌داند شما که هستید. تصمیم با شماست: بله بگویید و بنویسید چگونه می‌تواند با شما تماس بگیرد (فقط آنچه می‌نویسید فرستاده می‌شود)، یا نه بگویید. لازم نیست اصلاً پاسخ دهید.
receipt-contact-from = از { $journalist }
receipt-contact-reply = چگونه می‌تواند با شما تماس بگیرد؟
receipt-contact-reply-hint = برای نمونه یک ایمیل تازه یا نامی در پیام‌رسان که فقط برای این کار به کار می‌برید. چیزی ننویسید که نمی‌خواهید به دستش برسد.
receipt-contact-yes = بله، بفرست
receipt-contact-no = نه، سپاس
receipt-contact-accepted = شما بله گفتید؛ آنچه نوشتید فرستاده شد.
receipt-contact-refused = شما نه گفتید.
receipt-notice-contact = پاسخ شما فرستاده شد.
receipt-contact-error = پاسخ شما فرستاده نشد: برای بله گفتن، بنویسید چگونه می‌تواند با شما تماس بگیرد.
