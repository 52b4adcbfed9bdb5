# Passage: واجهة الموقع باللغة العربية (Arabic). Every catalogue has exactly the messages of the English one.
# لغة بسيطة ودافئة، ومخاطبة محايدة قدر الإمكان؛ قد يقرأ صاحب القصة على هاتف صغير وعلى عجل.

language-name = العربية

## Layout
skip-to-content = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
nav-languages = اللغة
nav-read = قراءة القصص
nav-tell = احكِ قصتك
nav-receipt = التحقق من إيصال
footer-privacy = لا يضع Passage أي ملفات تعريف ارتباط (كوكيز) للتتبع، ولا يرسل أي طلبات إلى مواقع أخرى.
footer-staff = دخول فريق العمل
optional = (اختياري)
all-optional = (كلها اختيارية)
choose-any = (يمكنك اختيار أي منها)
prefer-not-say = أفضّل عدم الإجابة
stories-word = { $count ->
    [zero] قصة
    [one] قصة
    [two] قصتان
    [few] قصص
    [many] قصة
   *[other] قصة
}

## Themes
theme-journey = الرحلة
theme-work = العمل وكسب الرزق
theme-family = العائلة
theme-education = التعلّم
theme-language = اللغة
theme-home = إيجاد بيت
theme-community = المجتمع
theme-health = الصحة والرعاية
theme-culture = الطعام والثقافة
theme-protection = طلب الحماية
theme-climate = المناخ والأرض
theme-return = الروابط مع الوطن

## Home
home-title = قصص المهاجرين، بكلماتهم
home-heading = لكل مهاجر قصة يرويها
home-lead = Passage أرشيف لقصص يرويها أشخاص هاجروا. يُظهر الإنسان الذي يقف وراء الأرقام، بكلماته هو — ويحافظ على سلامة أصحاب القصص: لا يُنشر أبداً أي شيء قد يكشف هوية من يروي قصته.
home-total = { $count ->
    [zero] لا توجد قصص للقراءة.
    [one] قصة واحدة للقراءة.
    [two] قصتان للقراءة.
    [few] { $count } قصص للقراءة.
    [many] { $count } قصة للقراءة.
   *[other] { $count } قصة للقراءة.
}
home-total-none = لم تُنشر أي قصة بعد — قد تكون قصتك من أولى القصص.
home-read = اقرأ
home-tell = احكِ
home-tell-text = يمكنك كتابة قصتك بأي لغة، من هاتفك. لا حاجة إلى حساب ولا إلى عنوان بريد إلكتروني. القرار لك في من يمكنه قراءتها، ويمكنك سحبها في أي وقت.
home-by-theme = تصفّح حسب الموضوع
home-by-origin = تصفّح حسب بلد الأصل
home-recent = أحدث القصص
home-all-stories = كل القصص

## Story cards
meta-told-by = بقلم
meta-from = من { $country }
meta-lives-in = الإقامة في { $country }
meta-left-in = المغادرة عام { $year }
meta-in-language = باللغة { $language }
meta-published = نُشرت في { $date }

## Search
search-label = البحث في القصص
search-button = بحث
search-filters = عوامل التصفية
search-theme = الموضوع
search-any = الكل
search-residence = بلد الإقامة
search-year = سنة المغادرة
search-year-from = سنة المغادرة من
search-year-to = سنة المغادرة حتى
search-apply = تطبيق التصفية
search-clear = مسح الكل
search-count = { $count ->
    [zero] لا توجد قصص
    [one] قصة واحدة
    [two] قصتان
    [few] { $count } قصص
    [many] { $count } قصة
   *[other] { $count } قصة
}
search-count-for = { $count ->
    [zero] لا توجد قصص تطابق
    [one] قصة واحدة تطابق
    [two] قصتان تطابقان
    [few] { $count } قصص تطابق
    [many] { $count } قصة تطابق
   *[other] { $count } قصة تطابق
}
search-page-of = الصفحة { $page } من { $pages }
search-none = لا توجد قصص مطابقة
search-none-for = لا توجد قصص تطابق
search-none-filters = مع عوامل التصفية هذه.
search-none-advice = يمكنك تجربة كلمات أقل أو مختلفة، أو التحقق من الإملاء، أو إزالة أحد عوامل التصفية، أو
search-browse-all = تصفّح كل القصص.
search-pages = صفحات النتائج
search-previous = → الصفحة السابقة
search-next = الصفحة التالية ←
search-narrow = تضييق النتائج
search-selected = (محدَّد — الضغط هنا يزيل عامل التصفية هذا)
search-export = نزّل هذه النتائج (النص المنشور فقط، وحيث يُسمح بالاقتباس فقط):
search-read-as = قُرئ بحثك هكذا:
search-typed = كتبتَ
search-sort = الترتيب
search-sort-default = الأنسب أولاً (أو الأحدث دون كلمات بحث)
search-sort-relevance = الأنسب
search-sort-newest = الأحدث أولاً
search-sort-oldest = الأقدم أولاً
search-sort-year = سنة المغادرة
search-few = عدد قليل جداً من القصص: أخفينا العدد حتى لا يمكن تمييز أي شخص
search-error-only-exclusions = البحث يستبعد كلمات فقط. أضف كلمة واحدة على الأقل للبحث عنها.
search-error-too-long = البحث طويل جدًا: { $max } حرفًا على الأكثر.
search-error-too-many-parts = في البحث كلمات كثيرة جدًا: { $max } على الأكثر.
search-error-years-reversed = السنة الأولى بعد السنة الأخيرة. بدّل بينهما أو اترك إحداهما فارغة.
search-error-too-deep = يمكن تصفّح أول { $max } نتيجة فقط. أضف كلمة أو مرشّحًا لتضييق البحث.
search-error-filter = أحد المرشّحات في العنوان غير معروف. اختره من القوائم مرة أخرى.
search-error-query = تعذّرت قراءة البحث. تحقّق من علامات الاقتباس وعلامات الطرح.
story-more-like-this = قصص مشابهة

## A story
story-press-badge = للصحافة فقط
story-press-note = لا تُعرض هذه القصة إلا على الصحفيين والباحثين الموثَّقين.
story-photo-alt = صورة شاركها الشخص الذي روى هذه القصة.
story-about = عن هذه القصة
story-told-by = بقلم
story-anonymous = دون اسم
story-language = اللغة
story-origin = بلد الأصل
story-transit = بلدان العبور
story-residence = بلد الإقامة
story-year = سنة المغادرة
story-themes = المواضيع
story-published = تاريخ النشر
story-readers = من يمكنه قراءتها
story-readers-everyone = الجميع
story-readers-press = الصحفيون والباحثون الموثَّقون
story-redaction-note = قبل النشر، استُبدلت الأسماء والأماكن التي قد تكشف هوية صاحب القصة بعبارات مثل [person 1] أو [town].
story-cite = الاستشهاد بهذه القصة
story-permalink = الرابط الدائم:
story-quotes-ok = الاقتباس مسموح
story-quotes-no = يُرجى عدم الاقتباس — إعادة الصياغة فقط

## Telling a story
submit-title-check = يُرجى مراجعة قصتك
submit-before = قبل البدء
submit-before-account = لا حاجة إلى حساب ولا إلى عنوان بريد إلكتروني.
submit-before-language = يمكنك الكتابة بأي لغة، وبكلماتك أنت.
submit-before-moderator = قبل نشر أي شيء، يحذف مشرف كل ما قد يكشف هويتك: الأسماء، والأماكن، وأرقام الهواتف.
submit-before-choose = القرار لك في من يمكنه قراءة قصتك، ويمكنك تغيير رأيك.
submit-before-receipt = عند الإرسال، يظهر لك رمز إيصال. بهذا الرمز يمكنك متابعة قصتك أو سحبها في أي وقت.
submit-not-sent = لم تُرسَل قصتك بعد
submit-nothing-lost = لم يضِع شيء مما كتبته: كل شيء لا يزال في النموذج أدناه.
submit-story-legend = قصتك
submit-title = العنوان
submit-title-hint = بضع كلمات تلخّص قصتك.
submit-body-hint = يمكنك أن تروي قصتك كما يحلو لك: من أين بدأت، والرحلة، وأين أنت الآن، وما يهمك أن يعرفه الناس. لا داعي للعجلة — هذه الصفحة لا تحفظ المسودات، لذا إن كانت قصتك طويلة فقد يكون من الأفضل كتابتها في مكان آخر أولاً ثم لصقها هنا.
submit-language = لغة قصتك
submit-language-choose = اختيار اللغة
submit-pseudonym = اسم مستعار
submit-pseudonym-hint = اسم يظهر مع قصتك — وليس اسمك الحقيقي.
submit-journey = رحلتك
submit-origin = البلد الذي أتيت منه
submit-transit = بلدان على الطريق
submit-transit-hint = البلدان التي مررت بها، مفصولة بفواصل.
submit-residence = بلد إقامتك الآن
submit-year = السنة التي غادرت فيها
submit-year-hint = مثلاً 2015.
submit-themes = عمّ تتحدث قصتك؟
submit-private = أسماء وأماكن يجب إبقاؤها سرية
submit-private-hint = اسم أو مكان واحد في كل سطر. سنحذف هذه دائماً قبل نشر أي شيء: اسمك، وأسماء أفراد عائلتك، والقرية التي أتيت منها، والأشخاص الذين ساعدوك، والأماكن التي أقمت فيها. لا يرى هذه القائمة أبداً أحد من خارج فريق الإشراف.
submit-photo = صورة
submit-photo-hint = صورة واحدة بصيغة JPEG أو PNG أو WebP، حجمها 10 MB على الأكثر. نحذف كل ما هو مخفي في الملف (مثل مكان التقاط الصورة والهاتف الذي التُقطت به)، ويقوم مشرف بتمويه الوجوه واللافتات ولوحات أرقام السيارات قبل عرضها. ولا تُعرض إلا إذا سمحت بذلك أدناه.
submit-photo-again = إذا كنت قد اخترت صورة، يُرجى اختيارها مرة أخرى.
submit-consent = موافقتك
submit-consent-switch-hint = يمكنك قراءة هذه الصفحة ونص الموافقة بلغة أخرى من أعلى الصفحة؛ ما كتبته يبقى، لكن الصورة التي اخترتها يجب اختيارها من جديد.
submit-who = من يمكنه قراءة قصتك؟
submit-vis-public-hint = يمكن لأي شخص قراءتها بعد أن يراجعها مشرف.
submit-vis-press = الصحفيون والباحثون فقط
submit-vis-press-hint = لا يقرؤها إلا الصحفيون والباحثون الذين تحقّق منهم Passage، بعد أن يراجعها مشرف.
submit-vis-private = لا أحد
submit-vis-private-hint = تُحفظ في الأرشيف، لكنها لا تُعرض على أحد أبداً.
submit-allow = بماذا تسمح أيضاً؟
submit-allow-optional = (يمكن ترك هذه الخانات فارغة)
submit-allow-quotes = يمكن لمن يقرأ قصتي أن يقتبس كلماتي كما هي بالضبط.
submit-allow-photo = إذا أرسلت صورة، يمكن نشرها مع قصتي (بعد أن يراجعها مشرف).
submit-allow-contact = يمكن للصحفيين والباحثين أن يطلبوا مني مقابلة عن طريق Passage.
submit-allow-contact-hint = لن يعرفوا أبداً من أنت، ويمكنك دائماً الرفض.
submit-about-minor = قصتي عن طفل (شخص عمره أقل من 18 عاماً). سيراجعها مشرفان اثنان قبل نشرها.
submit-adult = عمري 18 عاماً أو أكثر.
submit-send = إرسال قصتي
submit-nothing-published = لا يُنشر أي شيء قبل أن يراجعه مشرف.
submit-receipt-next = سيظهر رمز الإيصال الخاص بك في الصفحة التالية.
edit-heading = تعديل قصتك
edit-lead = لم يقرأها أي مشرف بعد، لذا لا يزال بإمكانك تغيير أي شيء. يبقى رمز الإيصال كما هو، وتبقى الصورة التي أرسلتها كما هي.
edit-not-saved = لم تُحفظ تغييراتك بعد
edit-save = حفظ تغييراتي

## After sending
sent-title = أُرسلت قصتك — يُرجى الاحتفاظ برمز الإيصال
sent-heading = شكراً لك. أُرسلت قصتك.
sent-lead = سيقرؤها مشرف ويحذف كل ما قد يكشف هويتك قبل أن تُعرض على أي شخص.
sent-receipt-heading = رمز الإيصال الخاص بك
sent-receipt-once = لا يظهر هذا الرمز إلا مرة واحدة، في هذه الصفحة.
sent-keep-heading = احتفظ به في مكان آمن
sent-keep-write = يُرجى كتابته على ورقة، أو حفظه في مكان لا يراه أحد غيرك.
sent-keep-only-way = هو الطريقة الوحيدة لمتابعة قصتك أو سحبها.
sent-keep-no-recovery = لا يمكننا استعادته: Passage لا يعرف من أنت، لذلك لا يمكننا إرساله إليك مرة أخرى.
sent-keep-never-ask = لن يطلبه منك أحد من Passage أبداً. وإذا طلبه منك أحد، فلا تعطه إياه.
sent-check-link = متابعة قصتك برمز الإيصال

## The receipt page
receipt-title-status = قصتك: { $status }
receipt-title-again = التحقق من إيصال — يُرجى المحاولة مرة أخرى
receipt-heading = متابعة قصتك
receipt-status-heading = حالة قصتك
receipt-read-published = قراءة قصتك المنشورة
receipt-message-heading = رسالة من المشرفين
receipt-edit-heading = تغيير قصتك
receipt-edit-text = يمكنك تغيير أي شيء كتبته، ما دام المشرف لم يقرأها بعد.
receipt-edit-button = تعديل قصتي
receipt-consent-heading = من يمكنه قراءة قصتك
receipt-consent-legend = يمكنك تغيير هذا في أي وقت
receipt-vis-public = الجميع، بعد أن يراجعها مشرف
receipt-vis-press = الصحفيون والباحثون الموثَّقون فقط
receipt-vis-private = لا أحد: تبقى في الأرشيف، ولا تُعرض أبداً
receipt-allow-quotes = يمكن للصحفيين اقتباس كلماتي
receipt-allow-photo = يمكن عرض صورتي مع قصتي، إن كنت قد أرسلت صورة (بعد أن يراجعها مشرف)
receipt-allow-contact = يمكن للصحفيين أن يطلبوا مقابلة (عن طريق Passage، دون أن يعرفوا أبداً من أنا)
receipt-consent-save = حفظ اختياراتي
receipt-export-heading = كل ما نحتفظ به عن قصتك
receipt-export-text = يمكنك تنزيله في ملف (JSON): قصتك كما أرسلتها، واختياراتك، وما حدث لها.
receipt-export-button = تنزيل
receipt-withdraw-heading = سحب قصتك
receipt-withdraw-text = يمكنك تغيير رأيك في أي وقت. سحب قصتك يحذفها من الأرشيف ومن البحث ومن كل الصفحات، فوراً وبشكل نهائي. لا يبقى إلا ملاحظة تقول إن قصة كانت موجودة في وقت ما، دون أي شيء من محتواها. لا يمكن التراجع عن ذلك.
receipt-withdraw-confirm = نعم، احذف قصتي نهائياً
receipt-withdraw-button = سحب قصتي
receipt-another = التحقق من إيصال آخر
receipt-lead = لمعرفة ما إذا كانت قصتك قد نُشرت، يُرجى إدخال رمز الإيصال الذي حصلت عليه عند إرسالها.
receipt-code-label = رمز الإيصال
receipt-code-hint = يبدو بهذا الشكل:
receipt-check-button = تحقق
receipt-lost = هل فقدت الرمز؟ لا يمكننا استعادته، لأن Passage لا يعرف من أنت. لن يطلب منك أحد من Passage رمزك أبداً.
receipt-notice-edited = حُفظت تغييراتك.
receipt-notice-consent = حُفظت اختياراتك.
receipt-error-visibility = يُرجى اختيار من يمكنه قراءة قصتك.
receipt-error-confirm = يُرجى تحديد المربع لتأكيد رغبتك في سحب قصتك.
status-submitted = وصلت قصتك، وهي تنتظر أن يقرأها مشرف.
status-published = نُشرت قصتك، بعد حذف كل تفصيل قد يكشف الهوية.
status-rejected = قرّر مشرف عدم نشر قصتك.
status-unpublished = نُشرت قصتك، ثم أوقف مشرف نشرها لاحقاً.
status-withdrawn = سُحبت قصتك. لم تعد موجودة في الأرشيف ولا في البحث ولا في أي صفحة.

## Errors
error-status = خطأ { $status }
error-heading-not-found = غير موجود
error-heading-gone = لم يعد موجوداً
error-heading-not-allowed = غير مسموح
error-heading-too-large = الحجم كبير جداً
error-heading-please-wait = يُرجى الانتظار
error-heading-server = حدث خطأ ما
error-heading-did-not-work = لم ينجح ذلك
error-link-home = الذهاب إلى الصفحة الرئيسية
error-not-found = لا يوجد شيء هنا. ربما كُتب العنوان بشكل خاطئ، أو أن القصة لم تُنشر أبداً.
error-gone = لم تعد هذه القصة منشورة.
error-unknown-receipt = لا توجد قصة بهذا الرمز. يُرجى التحقق من كل حرف: الرمز مكوّن من 20 حرفاً ورقماً في 5 مجموعات.
error-too-many-attempts = محاولات كثيرة جداً في الوقت الحالي. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
error-payload-too-large = ما أرسلته كبير جداً.
error-internal = حدث خطأ من جهتنا. لم يضِع شيء مما أرسلته؛ يُرجى المحاولة مرة أخرى.
error-photo-too-large = حجم الصورة أكبر من 10 MB؛ يُرجى إرسال صورة أصغر.
error-unsupported-photo = لا تُقبل إلا صور بصيغة JPEG أو PNG أو WebP، وهذا الملف ليس بأي منها.
error-photo-too-many-pixels = عدد البكسلات في الصورة كبير جداً: الحد الأقصى المقبول 40 ميغابكسل.
error-damaged-photo = تعذّرت قراءة الصورة: الملف تالف أو غير مكتمل.
error-year-not-a-number = يُرجى كتابة السنة بالأرقام، مثلاً 2015.
error-title-missing-field = يُرجى كتابة عنوان لقصتك.
error-title-too-long = يجب ألا يتجاوز عدد أحرف العنوان { $max }.
error-body-missing-field = يُرجى كتابة قصتك.
error-body-too-long = يجب ألا يتجاوز عدد أحرف القصة { $max }.
error-language-invalid-language = يُرجى اختيار لغة قصتك.
error-pseudonym-too-long = يجب ألا يتجاوز عدد أحرف الاسم المستعار { $max }.
error-transit-countries-too-many = يجب ألا يتجاوز عدد البلدان على الطريق { $max }.
error-year-invalid-year = يجب أن تكون السنة بين 1900 و{ $latest }.
error-themes-unknown-theme = أحد المواضيع ليس في القائمة.
error-themes-too-many = يُرجى اختيار { $max } من المواضيع على الأكثر.
error-private-terms-too-long = يجب ألا يتجاوز عدد أحرف كل اسم أو مكان سري { $max }.
error-private-terms-too-many = لا يمكن إضافة أكثر من { $max } من الأسماء والأماكن السرية.
error-origin-country-unknown-country = يُرجى اختيار بلد من القائمة.
error-residence-country-unknown-country = يُرجى اختيار بلد من القائمة.
error-transit-countries-unknown-country = لم نتعرّف على أحد البلدان على الطريق؛ يُرجى كتابة اسمه بالإنجليزية أو رمزه المكوّن من حرفين.
error-consent-version-consent-version-outdated = تغيّر نص الموافقة؛ يُرجى قراءته مرة أخرى.

guide-title = دليل المصطلحات
guide-intro = الكلمات تشكّل نظرة القرّاء إلى الأشخاص الذين هاجروا. يضمّ هذا الدليل مصطلحات تنزع الإنسانية عن الناس أو تقول شيئاً غير دقيق، مع كلمات أفضل والسبب. لا يُعاد شيء من كتابتك: قد يكون المصطلح صحيحاً في اقتباس مباشر.
guide-check-title = افحص نصاً
guide-draft = نصّك
guide-language = لغة النص
guide-all-languages = كل اللغات
guide-check-button = افحص
guide-private-note = يُفحص نصّك ثم يُنسى: لا يُحفظ ولا يُسجَّل.
guide-none = لم يُعثر على أي مصطلح من الدليل.
guide-found = { $count ->
    [one] مصطلح واحد للمراجعة
   *[other] { $count } مصطلحات للمراجعة
}
guide-instead = بدلاً من ذلك:
nav-guide = دليل المصطلحات

receipt-contact-heading = طلبات للتحدث معك
receipt-contact-intro = طلب صحفي أو باحث، عبر الأرشيف، إجراء مقابلة معك. هو لا يعرف من أنت. القرار لك: أجب بنعم واكتب كيف يمكنه التواصل معك (يُرسل فقط ما تكتبه)، أو قل لا. لست مضطراً للرد أصلاً.
receipt-contact-from = من { $journalist }
receipt-contact-reply = كيف يمكنه التواصل معك؟
receipt-contact-reply-hint = مثلاً بريد إلكتروني جديد أو اسم في تطبيق مراسلة تستخدمه لهذا فقط. لا تكتب شيئاً لا تريد أن يصله.
receipt-contact-yes = نعم، أرسل هذا
receipt-contact-no = لا، شكراً
receipt-contact-accepted = قلت نعم؛ أُرسل ما كتبته.
receipt-contact-refused = قلت لا.
receipt-notice-contact = أُرسل ردّك.
receipt-contact-error = تعذّر إرسال ردّك: لتقول نعم، اكتب كيف يمكنه التواصل معك.
