# Passage: la interfaz en español. Cada catálogo tiene exactamente los mismos mensajes que el inglés.
# Tono sencillo y cálido, con «usted»; quien cuenta su historia puede estar leyendo deprisa en un teléfono pequeño.

language-name = Español

## Estructura de la página
skip-to-content = Ir al contenido
nav-label = Principal
nav-languages = Idioma
nav-read = Leer historias
nav-tell = Contar su historia
nav-receipt = Consultar un recibo
footer-privacy = Passage no usa cookies de seguimiento y no hace ninguna solicitud a otros sitios.
footer-staff = Acceso del personal
optional = (opcional)
all-optional = (todo es opcional)
choose-any = (elija los que quiera)
prefer-not-say = Prefiero no decirlo
stories-word = { $count ->
    [one] historia
    [many] historias
   *[other] historias
}

## Temas
theme-journey = El viaje
theme-work = Trabajo y sustento
theme-family = Familia
theme-education = Aprendizaje
theme-language = Idioma
theme-home = Encontrar un hogar
theme-community = Comunidad
theme-health = Salud y cuidados
theme-culture = Comida y cultura
theme-protection = Buscar protección
theme-climate = Clima y tierra
theme-return = Lazos con el lugar de origen

## Inicio
home-title = Historias de personas migrantes, en sus propias palabras
home-heading = Cada persona migrante tiene una historia que contar
home-lead = Passage es un archivo de historias contadas por personas que migraron. Muestra a la persona detrás de las estadísticas, en sus propias palabras, y la protege: nunca se publica nada que pueda identificar a quien cuenta su historia.
home-total = { $count ->
    [one] Una historia para leer.
    [many] { $count } historias para leer.
   *[other] { $count } historias para leer.
}
home-total-none = Todavía no hay historias publicadas: la suya podría ser una de las primeras.
home-read = Leer
home-tell = Contar
home-tell-text = Escriba su historia en cualquier idioma, desde su teléfono. Sin cuenta y sin dirección de correo electrónico. Usted elige quién puede leerla, y puede retirarla en cualquier momento.
home-by-theme = Explorar por tema
home-by-origin = Explorar por país de origen
home-recent = Historias recientes
home-all-stories = Todas las historias

## Fichas de historias
meta-told-by = Contada por
meta-from = De { $country }
meta-lives-in = Vive en { $country }
meta-left-in = Salió en { $year }
meta-in-language = En { $language }
meta-published = Publicada el { $date }

## Búsqueda
search-label = Buscar en las historias
search-button = Buscar
search-filters = Filtros
search-theme = Tema
search-any = Cualquiera
search-residence = País de residencia
search-year = Año de salida
search-year-from = Salida desde el año
search-year-to = Salida hasta el año
search-apply = Aplicar filtros
search-clear = Quitar todo
search-count = { $count ->
    [one] 1 historia
    [many] { $count } historias
   *[other] { $count } historias
}
search-count-for = { $count ->
    [one] 1 historia para
    [many] { $count } historias para
   *[other] { $count } historias para
}
search-page-of = página { $page } de { $pages }
search-none = No hay historias que coincidan
search-none-for = No hay historias para
search-none-filters = con estos filtros.
search-none-advice = Pruebe con menos palabras o con otras, revise la ortografía, quite un filtro o
search-browse-all = vea todas las historias.
search-pages = Páginas de resultados
search-previous = ← Página anterior
search-next = Página siguiente →
search-narrow = Afinar la búsqueda
search-selected = (seleccionado — siga el enlace para quitar este filtro)
search-export = Descargar estos resultados (solo el texto publicado, y solo si se permite citar):
search-read-as = Su búsqueda se leyó así:
search-typed = Usted escribió
search-sort = Ordenar por
search-sort-default = Más relevantes primero (o más recientes sin palabras)
search-sort-relevance = Más relevantes
search-sort-newest = Más recientes primero
search-sort-oldest = Más antiguas primero
search-sort-year = Año de salida
search-few = Muy pocas historias: ocultamos el número para que nadie pueda ser identificado
search-error-only-exclusions = La búsqueda solo excluye palabras. Añada al menos una palabra que buscar.
search-error-too-long = La búsqueda es demasiado larga: { $max } caracteres como máximo.
search-error-too-many-parts = La búsqueda tiene demasiadas palabras: { $max } como máximo.
search-error-years-reversed = El primer año es posterior al último. Inviértalos o deje uno vacío.
search-error-too-deep = Solo se pueden recorrer los primeros { $max } resultados. Añada una palabra o un filtro para acotar la búsqueda.
search-error-filter = Un filtro de la dirección no es uno que conozcamos. Vuelva a elegirlo en las listas.
search-error-query = No se pudo leer la búsqueda. Revise las comillas y los signos menos.
story-more-like-this = Historias parecidas

## Una historia
story-press-badge = Solo prensa
story-press-note = Esta historia solo se muestra a periodistas e investigadores verificados.
story-photo-alt = Una foto compartida por la persona que contó esta historia.
story-about = Sobre esta historia
story-told-by = Contada por
story-anonymous = Anónimo
story-language = Idioma
story-origin = País de origen
story-transit = Pasó por
story-residence = Vive en
story-year = Año de salida
story-themes = Temas
story-published = Publicada
story-readers = Quién puede leerla
story-readers-everyone = Todo el mundo
story-readers-press = Periodistas e investigadores verificados
story-redaction-note = Antes de publicarla, se reemplazaron los nombres y lugares que podrían identificar a la persona que la cuenta, por ejemplo por [person 1] o [town].
story-cite = Citar esta historia
story-permalink = Enlace permanente:
story-quotes-ok = Se permite citarla
story-quotes-no = Por favor, no la cite textualmente — solo parafrasee

## Contar una historia
submit-title-check = Por favor, revise su historia
submit-before = Antes de empezar
submit-before-account = No necesita una cuenta ni una dirección de correo electrónico.
submit-before-language = Escriba en el idioma que quiera, con sus propias palabras.
submit-before-moderator = Antes de publicar nada, un moderador quita todo lo que podría mostrar quién es usted: nombres, lugares, números de teléfono.
submit-before-choose = Usted elige quién puede leer su historia, y puede cambiar de opinión.
submit-before-receipt = Al enviarla, recibirá un código de recibo. Con él puede consultar su historia o retirarla en cualquier momento.
submit-not-sent = Su historia todavía no se ha enviado
submit-nothing-lost = No se ha perdido nada de lo que escribió: todo sigue en el formulario de abajo.
submit-story-legend = Su historia
submit-title = Título
submit-title-hint = Unas pocas palabras que resuman su historia.
submit-body-hint = Cuéntela como quiera: de dónde partió, el viaje, dónde está ahora, lo que quiere que la gente sepa. Tómese su tiempo — esta página no guarda borradores, así que, si su historia es larga, quizá prefiera escribirla primero en otro lugar y pegarla aquí.
submit-language = Idioma de su historia
submit-language-choose = Elija un idioma
submit-pseudonym = Seudónimo
submit-pseudonym-hint = Un nombre que se mostrará con su historia — no su nombre real.
submit-journey = Su viaje
submit-origin = País del que viene
submit-transit = Países en el camino
submit-transit-hint = Países por los que pasó, separados por comas.
submit-residence = País en el que vive ahora
submit-year = Año en que salió
submit-year-hint = Por ejemplo, 2015.
submit-themes = ¿De qué trata su historia?
submit-private = Nombres y lugares que deben quedar en privado
submit-private-hint = Uno por línea. Siempre los quitaremos antes de publicar nada: su nombre, el de su familia, el pueblo del que viene, las personas que le ayudaron, los lugares donde se quedó. Nadie fuera del equipo de moderación ve nunca esta lista.
submit-photo = Una foto
submit-photo-hint = Una sola foto JPEG, PNG o WebP, de 10 MB como máximo. Quitamos todo lo que va oculto en el archivo (como dónde y con qué teléfono se tomó), y un moderador difumina caras, letreros y matrículas de vehículos antes de mostrarla. Solo se muestra si usted lo permite más abajo.
submit-photo-again = Si había elegido una foto, por favor, elíjala de nuevo.
submit-consent = Su consentimiento
submit-consent-switch-hint = Puede leer esta página y el consentimiento en otro idioma desde la parte de arriba de la página; lo que escribió se conserva, pero si había elegido una foto, tendrá que elegirla de nuevo.
submit-who = ¿Quién puede leer su historia?
submit-vis-public-hint = Cualquier persona puede leerla una vez que un moderador la haya revisado.
submit-vis-press = Solo periodistas e investigadores
submit-vis-press-hint = Solo pueden leerla periodistas e investigadores verificados por Passage, una vez que un moderador la haya revisado.
submit-vis-private = Nadie
submit-vis-private-hint = Se guarda en el archivo, pero nunca se muestra a nadie.
submit-allow = ¿Qué más permite?
submit-allow-optional = (puede dejarlas sin marcar)
submit-allow-quotes = Las personas que lean mi historia pueden citar mis palabras exactas.
submit-allow-photo = Si envío una foto, se puede publicar con mi historia (después de que un moderador la haya revisado).
submit-allow-contact = Periodistas e investigadores pueden pedirme una entrevista a través de Passage.
submit-allow-contact-hint = Nunca sabrán quién es usted, y siempre puede decir que no.
submit-about-minor = Mi historia trata de un niño o una niña (alguien menor de 18 años). Dos moderadores la revisarán antes de publicarla.
submit-adult = Tengo 18 años o más.
submit-send = Enviar mi historia
submit-nothing-published = No se publica nada hasta que un moderador lo haya revisado.
submit-receipt-next = Su código de recibo aparecerá en la página siguiente.
edit-heading = Modificar su historia
edit-lead = Ningún moderador la ha leído todavía, así que aún puede cambiar lo que quiera. Su código de recibo sigue siendo el mismo, y la foto que envió se queda como está.
edit-not-saved = Sus cambios todavía no se han guardado
edit-save = Guardar mis cambios

## Después de enviar
sent-title = Su historia se ha enviado — guarde su código de recibo
sent-heading = Gracias. Su historia se ha enviado.
sent-lead = Un moderador la leerá y quitará todo lo que podría mostrar quién es usted antes de que nadie la vea.
sent-receipt-heading = Su código de recibo
sent-receipt-once = Este código se muestra una sola vez, en esta página.
sent-keep-heading = Guárdelo bien
sent-keep-write = Anótelo en un papel, o guárdelo en un lugar que solo usted pueda ver.
sent-keep-only-way = Es la única forma de consultar su historia o de retirarla.
sent-keep-no-recovery = No podemos recuperarlo: Passage no sabe quién es usted, así que no podemos enviárselo de nuevo.
sent-keep-never-ask = Nadie de Passage se lo pedirá nunca. Si alguien se lo pide, no se lo dé.
sent-check-link = Consultar su historia con su código de recibo

## La página del recibo
receipt-title-status = Su historia: { $status }
receipt-title-again = Consultar un recibo — por favor, inténtelo de nuevo
receipt-heading = Consultar su historia
receipt-status-heading = Estado de su historia
receipt-read-published = Leer su historia publicada
receipt-message-heading = Mensaje de los moderadores
receipt-edit-heading = Cambiar su historia
receipt-edit-text = Hasta que un moderador la lea, puede cambiar todo lo que escribió.
receipt-edit-button = Modificar mi historia
receipt-consent-heading = Quién puede leer su historia
receipt-consent-legend = Puede cambiar esto en cualquier momento
receipt-vis-public = Todo el mundo, una vez que un moderador la haya revisado
receipt-vis-press = Solo periodistas e investigadores verificados
receipt-vis-private = Nadie: guardarla en el archivo, sin mostrarla nunca
receipt-allow-quotes = Los periodistas pueden citar mis palabras
receipt-allow-photo = Mi foto, si envié una, puede mostrarse con mi historia (después de que un moderador la haya revisado)
receipt-allow-contact = Los periodistas pueden pedir una entrevista (a través de Passage, sin saber nunca quién soy)
receipt-consent-save = Guardar mis opciones
receipt-export-heading = Todo lo que guardamos sobre su historia
receipt-export-text = Descárguelo como archivo (JSON): su historia tal como la envió, sus opciones y lo que ha pasado con ella.
receipt-export-button = Descargar
receipt-withdraw-heading = Retirar su historia
receipt-withdraw-text = Puede cambiar de opinión en cualquier momento. Al retirarla, su historia se borra del archivo, de la búsqueda y de todas las páginas, de inmediato y para siempre. Solo queda una nota de que alguna vez existió una historia, sin nada de su contenido. Esto no se puede deshacer.
receipt-withdraw-confirm = Sí, borrar mi historia para siempre
receipt-withdraw-button = Retirar mi historia
receipt-another = Consultar otro recibo
receipt-lead = Escriba el código de recibo que obtuvo al enviar su historia para ver si ya se ha publicado.
receipt-code-label = Código de recibo
receipt-code-hint = Tiene este aspecto:
receipt-check-button = Consultar
receipt-lost = ¿Perdió su código? No podemos recuperarlo, porque Passage no sabe quién es usted. Nadie de Passage le pedirá nunca su código.
receipt-notice-edited = Sus cambios se han guardado.
receipt-notice-consent = Sus opciones se han guardado.
receipt-error-visibility = Por favor, elija quién puede leer su historia.
receipt-error-confirm = Marque la casilla para confirmar que quiere retirar su historia.
status-submitted = Su historia ha llegado y está esperando a que un moderador la lea.
status-published = Su historia se ha publicado, sin ningún dato que permita identificar a nadie.
status-rejected = Un moderador decidió no publicar su historia.
status-unpublished = Su historia se publicó y después un moderador la retiró.
status-withdrawn = Su historia se ha retirado. Ya no está en el archivo, ni en la búsqueda, ni en ninguna página.

## Errores
error-status = Error { $status }
error-heading-not-found = No encontrado
error-heading-gone = Ya no está aquí
error-heading-not-allowed = No permitido
error-heading-too-large = Demasiado grande
error-heading-please-wait = Espere, por favor
error-heading-server = Algo salió mal
error-heading-did-not-work = No funcionó
error-link-home = Ir a la página de inicio
error-not-found = Aquí no hay nada. Puede que la dirección esté mal escrita, o que la historia nunca se haya publicado.
error-gone = Esta historia ya no está publicada.
error-unknown-receipt = Ninguna historia tiene este código de recibo. Revise cada carácter: el código tiene 20 letras y cifras en 5 grupos.
error-too-many-attempts = Demasiados intentos por ahora. Espere unos minutos y vuelva a intentarlo.
error-payload-too-large = Lo que envió es demasiado grande.
error-internal = Algo salió mal por nuestra parte. No se ha perdido nada de lo que envió; por favor, vuelva a intentarlo.
error-photo-too-large = La foto pesa más de 10 MB; por favor, envíe una más pequeña.
error-unsupported-photo = Solo se aceptan fotos JPEG, PNG y WebP, y este archivo no es de ninguno de esos tipos.
error-photo-too-many-pixels = La foto tiene demasiados píxeles: se aceptan como máximo 40 megapíxeles.
error-damaged-photo = No se pudo leer la foto: el archivo está dañado o incompleto.
error-year-not-a-number = Por favor, escriba el año en cifras, por ejemplo 2015.
error-title-missing-field = Por favor, ponga un título a su historia.
error-title-too-long = El título puede tener como máximo { $max } caracteres.
error-body-missing-field = Por favor, escriba su historia.
error-body-too-long = La historia puede tener como máximo { $max } caracteres.
error-language-invalid-language = Por favor, elija el idioma de su historia.
error-pseudonym-too-long = El seudónimo puede tener como máximo { $max } caracteres.
error-transit-countries-too-many = Como máximo { $max } países en el camino.
error-year-invalid-year = El año debe estar entre 1900 y { $latest }.
error-themes-unknown-theme = Uno de los temas no está en la lista.
error-themes-too-many = Elija como máximo { $max } temas.
error-private-terms-too-long = Cada nombre o lugar privado puede tener como máximo { $max } caracteres.
error-private-terms-too-many = Como máximo { $max } nombres y lugares privados.
error-origin-country-unknown-country = Por favor, elija un país de la lista.
error-residence-country-unknown-country = Por favor, elija un país de la lista.
error-transit-countries-unknown-country = No se reconoció uno de los países del camino; escriba su nombre en inglés o su código de dos letras.
error-consent-version-consent-version-outdated = El texto del consentimiento ha cambiado; por favor, léalo de nuevo.

guide-title = Guía de terminología
guide-intro = Las palabras moldean cómo se ve a las personas que migraron. Esta guía recoge términos que deshumanizan o afirman algo inexacto, con palabras mejores y el motivo. No se reescribe nada por usted: un término puede ser correcto en una cita textual.
guide-check-title = Revisar un texto
guide-draft = Su texto
guide-language = Idioma del texto
guide-all-languages = Todos los idiomas
guide-check-button = Revisar
guide-private-note = Su texto se revisa y se olvida: no se guarda ni se registra.
guide-none = No se encontró ningún término de la guía.
guide-found = { $count ->
    [one] Un término para revisar
   *[other] { $count } términos para revisar
}
guide-instead = En su lugar:
nav-guide = Guía de terminología

receipt-contact-heading = Solicitudes para hablar con usted
receipt-contact-intro = Un periodista o investigador pidió, a través del archivo, entrevistarle. No sabe quién es usted. Usted decide: responda que sí y escriba cómo puede contactarle (solo se envía lo que usted escriba), o diga que no. No tiene obligación de responder.
receipt-contact-from = De { $journalist }
receipt-contact-reply = ¿Cómo pueden contactarle?
receipt-contact-reply-hint = Por ejemplo, un correo nuevo o un nombre de mensajería que use solo para esto. No escriba nada que no quiera darle.
receipt-contact-yes = Sí, enviar
receipt-contact-no = No, gracias
receipt-contact-accepted = Usted dijo que sí; se envió lo que escribió.
receipt-contact-refused = Usted dijo que no.
receipt-notice-contact = Su respuesta fue enviada.
receipt-contact-error = No se pudo enviar su respuesta: para decir que sí, escriba cómo pueden contactarle.
