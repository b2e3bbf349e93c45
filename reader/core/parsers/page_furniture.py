"""What a news page puts around its article, in English and Russian: the words of menus,
prompts, widgets, notices and footers (bylines and dates: ``page_bylines``).

Every pattern is matched against one block of a page dump, at most ``HEAD_CHARS`` of it,
and none has nested unbounded repetition: its time stays linear in the text it reads.
"""

from __future__ import annotations

import re

# A block's furniture shows in its first words; the rest of a long block is not read.
HEAD_CHARS = 400

# A whole short block that is one of these is a widget, a prompt or a menu entry.
_WIDGET_WORDS = (
    # sharing, printing, text size
    r"share(?:\s+(?:this|on\s+\w+|article|story))?|tweet|email|e-mail|print|save|copy\s+link"
    r"|aa|a-|a\+|a|аа|а-|а\+|а|text\s+size|font\s+size|размер\s+(?:шрифта|текста)"
    r"|listen(?:\s+to\s+(?:this\s+)?article)?|слушать\s+(?:статью|текст)|прослушать"
    r"|поделиться|скопировать\s+ссылку|копировать\s+ссылку|распечатать|печать|сохранить"
    r"|версия\s+для\s+печати|в\s+закладки|слушать|vk|вк|ок|tg|telegram|x|facebook|twitter"
    r"|whatsapp|viber|одноклассники|вконтакте|linkedin|instagram|youtube|pinterest|reddit"
    r"|bluesky|threads|mastodon|flipboard|messenger|sms|дзен|rutube"
    # accounts, subscriptions, search, menus
    r"|sign\s+in|sign\s+up|log\s+in|login|log\s+out|register|subscribe|my\s+account|account"
    r"|my\s+news|menu|search|close|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|top"
    r"|войти|вход|выход|выйти|регистрация|зарегистрироваться|подписаться|подписка|меню|поиск"
    r"|найти|закрыть|наверх|личный\s+кабинет|профиль"
    # comment widgets
    r"|reply|report|like|dislike|quote|ответить|пожаловаться|цитировать|нравится"
    r"|advertisement|advert|ad|sponsored|реклама|на\s+правах\s+рекламы|партн[её]рский\s+материал"
    r"|read\s+more|more|load\s+more|show\s+more|next|previous|back|назад|далее|ещё|еще"
    r"|показать\s+ещё|показать\s+еще|читать\s+далее|подробнее|все\s+новости|all\s+news"
    r"|gift(?:\s+this\s+article)?|comments?(?:\s*\(\d{1,6}\))?|комментарии(?:\s*\(\d{1,6}\))?"
    r"|support\s+us|donate|поддержать|e-paper|newsletters|podcasts|rss"
    r"|accept|accept\s+all|reject\s+all|agree|i\s+agree|ok|okay|got\s+it|manage\s+settings"
    r"|cookie\s+settings|принять|согласен|хорошо|понятно|настроить"
    r"|partner\s+content|paid\s+(?:content|partnership|post)|promoted(?:\s+content)?"
    # an accordion's buttons, a forum post's, a feed's
    r"|(?:show|hide)\s+all\s+sections|(?:show|hide)\s+this\s+section|цитата|читать\s+полностью"
)
WIDGET_RE = re.compile(rf"^(?:{_WIDGET_WORDS})[\s!.:]*$", re.IGNORECASE)
# The networks and ways a page offers to pass an article on.
SHARE_RE = re.compile(
    r"^(?:share(?:\s+on\s+\w+)?|e-?mail|print|copy\s+link|vk|вк|ок|tg|telegram|x|facebook"
    r"|twitter|whatsapp|viber|одноклассники|вконтакте|linkedin|reddit|bluesky|threads|mastodon"
    r"|flipboard|messenger|sms|дзен|поделиться|скопировать\s+ссылку|копировать\s+ссылку)\s*$",
    re.IGNORECASE,
)
WIDGET_ANY_RE = re.compile(rf"(?<!\w)(?:{_WIDGET_WORDS})(?!\w)", re.IGNORECASE)
# The words of a site's top bar: above them is the site, not the article.
ACCOUNT_RE = re.compile(
    r"(?<!\w)(?:sign\s+in|sign\s+up|log\s+in|login|register|subscribe|my\s+account|menu|search"
    r"|войти|вход|регистрация|подписаться|подписка|меню|поиск|найти|личный\s+кабинет)(?!\w)",
    re.IGNORECASE,
)

# The heading of a part of the page that is not the article: what follows it (lists of
# links, boxes, comments) is furniture up to the next stretch of article-like prose.
_SECTION_HEADINGS = (
    r"related(?:\s+(?:stories|articles|news|content|topics|coverage|posts))?"
    r"|more\s+(?:on|from|about|stories|news|posts|in)\b[^.!?]{0,60}|read\s+(?:more|next|also)"
    r"|see\s+also|also\s+read|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested)"
    r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared|commented)"
    r"|trending(?:\s+now)?|top\s+stories|latest(?:\s+(?:news|stories))?|editor'?s\s+picks?"
    r"|don'?t\s+miss|popular(?:\s+now)?|in\s+other\s+news|elsewhere(?:\s+on\s+\S+)?"
    r"|around\s+the\s+web|sponsored(?:\s+(?:content|stories|links))?|from\s+our\s+partners"
    r"|follow\s+us(?:\s+on\s+\S+)?|newsletters?|sign\s+up\s+for\s+[^.!?]{0,60}|get\s+the\s+[^.!?]{0,40}"
    r"|browse|sections|categories|archives?|tags|topics|about\s+us|about\s+\S+|contact\s+us"
    r"|читайте\s+также|читайте\s+ещё|читайте\s+еще|смотрите\s+также|по\s+теме|ещё\s+по\s+теме"
    r"|еще\s+по\s+теме|материалы\s+по\s+теме|другие\s+новости(?:\s+раздела)?|новости\s+по\s+теме"
    r"|похожие\s+(?:новости|материалы|статьи)|самое\s+(?:читаемое|популярное|обсуждаемое|интересное)"
    r"|популярное|главное(?:\s+за\s+(?:день|неделю|сутки))?|рекомендуем|выбор\s+редакции"
    r"|новости\s+партн[её]ров|партн[её]ры|реклама|последние\s+новости|лента\s+новостей|новости"
    r"|актуально|сейчас\s+читают|не\s+пропустите|подпишитесь(?:\s+на\s+[^.!?]{0,60})?"
    r"|рассылка|наши\s+проекты|рубрики|разделы|архив|теги|метки|о\s+(?:нас|редакции|проекте)"
    # what a press release gives journalists, and a page's history of changes
    r"|notes\s+(?:to|for)\s+editors|editors?'?\s+notes|(?:media|press)\s+(?:contacts?|enquiries|inquiries)"
    r"|контакты\s+для\s+(?:сми|прессы)|для\s+(?:сми|прессы|журналистов)"
    r"|updates\s+to\s+this\s+(?:page|article)|(?:page|article)\s+history|история\s+изменений"
)
# Headings that go on with a name: "More from Features", "Ещё в разделе «Транспорт»".
_NAMED_SECTIONS = (
    r"more\s+(?:from|in|on|about)|also\s+in|latest\s+(?:from|in)|newsletter|about\s+the\s+authors?"
    r"|author\s+bio|ещё\s+(?:в|из|по)|еще\s+(?:в|из|по)|other\s+posts|ещё\s+посты|еще\s+посты"
    r"|другие\s+(?:материалы|новости|статьи|посты|публикации|записи)"
    r"|рассылка|новости\s+партн[её]ров|больше\s+(?:новостей|материалов)|об\s+авторе|об\s+авторах"
    r"|подпишитесь|читайте\s+также|самое\s+(?:читаемое|популярное)|about(?:\s+the)?"
    r"|о\s+(?:проекте|нас|редакции|газете|сайте|журнале)|this\s+week|на\s+этой\s+неделе"
)
SECTION_RE = re.compile(
    rf"^(?:(?:{_SECTION_HEADINGS})\s*(?:\(\d{{1,6}}\))?\s*[:.]?"
    rf"|(?:{_NAMED_SECTIONS})(?:\s+[^\s.!?]{{1,40}}){{0,6}}\s*:?)$",
    re.IGNORECASE,
)

# The heading of the comments: everything after it is readers' text, not the article.
COMMENTS_RE = re.compile(
    r"^(?:\d{1,6}\s+)?(?:(?:your|readers?'?|user)\s+)?(?:comments?|responses?|replies|discussion"
    r"|conversation|join\s+the\s+(?:conversation|discussion)"
    r"|leave\s+a\s+(?:reply|comment)|add\s+(?:a\s+)?comment|post\s+a\s+comment|reader\s+comments"
    r"|what\s+readers\s+say|\d{1,6}\s+thoughts?\s+on\b[^\n]{0,200}|thoughts?\s+on\s+[^\n]{0,200}"
    r"|(?:показать\s+|все\s+)?комментари\w{0,3}(?:\s+читателей)?|обсуждение|обсудить|отзывы"
    r"|оставьте\s+комментарий|добавить\s+комментарий|написать\s+комментарий|ваш\s+комментарий"
    r"|мнения\s+читателей|show\s+comments|view\s+comments|comments\s+are\s+closed"
    r"|what\s+(?:you|readers)\s+(?:said|say|think)|have\s+your\s+say|your\s+(?:say|views)"
    r"|reader\s+reactions|читатели\s+(?:пишут|о\s+\S+)|ваше\s+мнение|мнения)"
    r"\s*+(?:\(\d{1,6}\)|\d{1,6})?\s*+:?$",
    re.IGNORECASE,
)

# A reply's subject on a forum or in a thread ("Re: Круговое движение …"): the replies
# start there, like comments.
REPLY_RE = re.compile(r"^re(?:\[\d{1,3}\])?:\s", re.IGNORECASE)
# A forum's quote opens with whom it quotes, run into the quote: "Пресс-служба
# администрации писал(а):На время работ …", "jsmith wrote: ↑ …".
QUOTED_RE = re.compile(
    r"^[^\n.!?:]{1,60}?\s(?:писал\(а\)|писала?|написал\(а\)|написала?|wrote)\s?:\s?↑?\s?"
)

# Phrases that mark a block as furniture wherever they are and however long it is.
_NOTICE_PHRASES = (
    r"we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|uses\s+cookies\s+to|cookie\s+policy"
    r"|cookie\s+settings|by\s+continuing\s+to\s+(?:use|browse)|accept\s+(?:all\s+)?cookies"
    r"|(?:files\s+)?called\s+cookies|cookies\s+on\s+(?:your|this)\s+(?:device|computer|website)"
    r"|(?:analytics|optional|additional|essential)\s+cookies"
    r"|we\s+value\s+your\s+privacy|consent\s+to\s+(?:the\s+use|our)"
    r"|app\s+store|google\s+play|rustore|appgallery|download\s+(?:our|the)\s+app"
    r"|sign\s+up\s+(?:for|to)\s+(?:our|the)\b|subscribe\s+to\s+continue|subscribers\s+only"
    # (a service the article is about may be subscribed to: "who subscribe to the garden
    # waste service"; the page's own paper, newsletter or channel is the notice)
    r"|subscribe\s+to\s+(?:our\b|the\s+(?:\w+\s+)?(?:edition|newsletter|briefing|podcast|channel|magazine|paper))"
    r"|for\s+subscribers|оформите\s+подписку|уже\s+подписаны|мы\s+в\s+соцсетях|мы\s+в\s+telegram"
    r"|hide\s+ad|skip\s+ad|report\s+this\s+ad|читать\s+\d{1,3}\s+мин"
    r"|all\s+rights\s+reserved|to\s+your\s+inbox|sign\s+up\s+now|unsubscribe\s+at\s+any\s+time"
    r"|we\s+use\s+your\s+sign-up|©|\(c\)\s+\d{4}|copyright\s+(?:©\s*)?\d{4}"
    r"|sign\s+up\s+for\s+(?:our|the)\b|get\s+(?:our|the)\s+\w+"
    r"\s+(?:newsletter|briefing)|in\s+your\s+inbox|your\s+email\s+address\s+will\s+not"
    r"|required\s+fields\s+are\s+marked|to\s+(?:leave|post)\s+a\s+comment|log\s+in\s+to\s+comment"
    r"|powered\s+by\s+wordpress|previous\s+(?:post|article|story)|next\s+(?:post|article|story)"
    r"|предыдущ(?:ая|ий|ее)\s+(?:статья|новость|материал|запись)|следующ(?:ая|ий|ее)\s+(?:статья|новость|материал|запись)"
    r"|terms\s+(?:of\s+(?:use|service)|and\s+conditions)"
    r"|privacy\s+(?:policy|notice)|opens\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)"
    r"|scroll\s+to\s+continue|trust\s+principles|licensing\s+rights|our\s+standards\s*:"
    r"|all\s+quotes\s+delayed|reporting\s+by\s|editing\s+by\s|additional\s+reporting\s+by"
    r"|мы\s+используем\s+(?:файлы\s+)?cookie|использу[ею]т\s+(?:файлы\s+)?cookie"
    r"|файл(?:ы|а|ов|ами)?\s+cookie|cookie-файл|продолжая\s+(?:просмотр|пользоваться|работу)"
    r"|куки|обработк[аиу]\s+(?:персональных\s+)?данных|персональных\s+данных"
    r"|все\s+права\s+защищены|права\s+защищены|перепечатка|при\s+(?:использовании|цитировании)"
    r"\s+материалов|использование\s+материалов|свидетельство\s+о\s+регистрации|роскомнадзор"
    r"|политик[аиу]\s+конфиденциальности|пользовательское\s+соглашение|мнение\s+редакции"
    r"|reach\s+(?:him|her|them|the\s+author)\s+at|follow\s+(?:him|her|them)\s+on|[\w.-]{1,64}@[\w-]{1,63}\.\w"
    r"|без\s+спама|no\s+spam|отписаться\s+можно|support\s+(?:our|independent)\s+journalism"
    r"|funded\s+by\s+(?:readers|our\s+readers)|поддержите\s+(?:нас|редакцию)"
    r"|please\s+consider\s+(?:making\s+)?(?:a\s+)?(?:(?:small|monthly|regular|one-off)\s+){0,2}"
    r"(?:contribution|donation)"
    r"|поддержите\s+(?:независимую\s+)?журналистику|любой\s+суммой"
    r"|нашли\s+ошибку|ctrl\s*\+\s*enter|подписывайтесь\s+на|подпишитесь\s+на|наш\s+телеграм"
    r"|наш\s+канал|в\s+нашем\s+(?:telegram|телеграм)|на\s+нашем\s+канале|чтобы\s+оставить\s+комментарий"
    r"|войдите\s+или\s+зарегистрируйтесь|лучшие\s+материалы\s+недели|на\s+вашу\s+почту"
    r"|нажимая\s+(?:на\s+)?кнопку|материал\s+подготовлен\s+при\s+поддержке"
    # an affiliate's disclosure: "The Courier may earn a commission on bookings."
    r"|(?:may|might|will|could)\s+earn\s+(?:a\s+)?(?:small\s+)?commission|affiliate\s+links?"
)
NOTICE_RE = re.compile(_NOTICE_PHRASES, re.IGNORECASE)


def _literal_runs(branch: str) -> list[str]:
    """The stretches of literal text that every match of ``branch`` contains: outside any
    group, class or optional character (enough for the phrases above)."""
    runs, current, depth, index = [], "", 0, 0

    def cut(drop_last: bool = False) -> None:
        nonlocal current
        if depth == 0:
            runs.append(current[:-1] if drop_last else current)
        current = ""

    while index < len(branch):
        char = branch[index]
        if char == "\\" and index + 1 < len(branch):
            escaped = branch[index + 1]
            if escaped.isalnum():  # \s, \d, \w, \b: not literal
                cut()
            else:
                current += escaped
            index += 2
            continue
        if char == "[":
            cut()
            index = branch.index("]", index + 1) + 1
            continue
        if char == "{":
            cut(drop_last=branch[index + 1] == "0")
            index = branch.index("}", index) + 1
            continue
        if char == "(":
            cut()
            depth += 1
        elif char == ")":
            current = ""
            depth -= 1
        elif char in "?*":
            cut(drop_last=True)
        elif char in "+.^$|":
            cut()
        else:
            current += char
        index += 1
    cut()
    return runs


def _top_level_branches(pattern: str) -> list[str]:
    branches, depth, start, index = [], 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = pattern.index("]", index + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:])
    return branches


def _triggers(pattern: str) -> frozenset[str] | None:
    """For each alternative of ``pattern``, its longest literal stretch, casefolded: a text
    holding none of them cannot match. None when some alternative has no usable stretch."""
    found = set()
    for branch in _top_level_branches(pattern):
        longest = max(_literal_runs(branch), key=len).strip().casefold()
        if not longest or (len(longest) < 3 and longest.isalnum()):
            return None
        found.add(longest)
    return frozenset(found)


# The notice pattern is long: most paragraphs are cleared by a plain substring test first.
_NOTICE_TRIGGERS = _triggers(_NOTICE_PHRASES)


def find_notice(text: str) -> re.Match[str] | None:
    if _NOTICE_TRIGGERS is not None:
        folded = text.casefold()
        if not any(trigger in folded for trigger in _NOTICE_TRIGGERS):
            return None
    return NOTICE_RE.search(text)


# Short blocks that start with a label of page furniture: "Tags: ...", "Фото: ...".
LABEL_RE = re.compile(
    r"^(?:(?:posted|filed)\s+(?:in|under)\s|tagged\s|advertisement\s|реклама\s|sponsored\s|tags?|topics?|categories|category|related\s+topics"
    r"|photo|photos|picture|image|video|illustration|credit|source|illustration|caption"
    r"|share(?:\s+this)?|follow(?:\s+us)?|advertisement|sponsored|read\s+also|see\s+also"
    r"|read\s+more|more\s+on\s+this|listen|watch|updated|last\s+updated"
    r"|теги|тэги|метки|рубрика|рубрики|раздел|фото|фотографии|видео|иллюстрация|источник"
    r"|поделиться|подписывайтесь|читайте\s+также|читайте\s+ещё|читайте\s+еще|смотрите\s+также"
    r"|по\s+теме|реклама|обновлено|материалы\s+по\s+теме|время\s+чтения|reading\s+time"
    r"|trending|breaking(?:\s+news)?|hot\s+topics|in\s+focus|top\s+stories|latest|live"
    # a video player's lines: what plays, what comes next, its transcript
    r"|now\s+playing\s?|up\s+next\s?|(?:(?:show|hide|view|read)\s+(?:the\s+)?)?transcript\s?"
    r"|сейчас\s+в\s+эфире\s?|далее\s?|(?:показать\s+)?расшифровк[аиу]\s?"
    r"|срочно|главное|молния|в\s+тренде|популярное|сейчас\s+обсуждают)"
    r"(?:(?<=\s)|\s*[:|—–-])"
    # An ad's label run into its text by the dump: "РекламаГиды по горам", "Реклама. ООО ..."
    r"|^(?:advertisement|реклама|sponsored|anzeige)(?:\.\s|(?=(?-i:[A-ZА-ЯЁ])))",
    re.IGNORECASE,
)
# A short block that asks for money or membership: "Support local journalism", "Donate",
# "Contribute from £3", "Поддержите редакцию", "Стать патроном".
PROMPT_RE = re.compile(
    r"^(?:please\s+)?(?:support\s+(?:us|(?:our|local|independent|quality)\s+\S+(?:\s+\S+)?"
    r"|the\s+\S+(?:\s+\S+)?)|donate(?:\s+(?:now|today|here|to\s+\S+))?"
    r"|make\s+a\s+(?:donation|contribution)|contribute(?:\s+(?:now|today|from\s+\S+))?"
    r"|become\s+a\s+(?:member|supporter|subscriber|patron|friend)(?:\s+\S+){0,3}"
    r"|help\s+(?:us\s+)?(?:keep|fund)\s+[^.!?]{1,40}"
    r"|поддерж(?:ите|ать)(?:\s+[^.!?]{1,50})?"
    r"|помо(?:ги|гите|чь)\s+(?:нам|редакции|проекту|рубл[её]м|деньгами)[^.!?]{0,40}"
    r"|(?:сделать|оформить)\s+пожертвование|пожертвовать(?:\s+[^.!?]{1,40})?"
    r"|стать\s+(?:патроном|спонсором|подписчиком|другом)[^.!?]{0,40})[\s!.:]*$",
    re.IGNORECASE,
)
# A picture's caption ends with its credit: "... Photograph: Kit Lane", "... Фото: С. Ильин",
# "... (Image: Newsdesk)".
CAPTION_RE = re.compile(
    r"\S\s+\(?(?:photo|photograph|picture|image|credit|illustration|фото|фотография|иллюстрация)"
    r"(?:\s+\w+)?\s*:\s*\S",
    re.IGNORECASE,
)
# Text-size widgets: "Размер шрифта − +", "Text size: A- A A+".
FONT_SIZE_RE = re.compile(
    r"^(?:размер\s+(?:шрифта|текста)|шрифт|text\s+size|font\s+size|font)\s*+:?+\s*+[-−–+aа\s]{0,20}+$",
    re.IGNORECASE,
)
# Reading-time, counters and relative times: "6 min read", "Время чтения: 6 минут",
# "Просмотров: 2 417", "Updated 2 hours ago".
COUNTER_RE = re.compile(
    r"^(?:\d{1,3}[-\s]?(?:min(?:ute)?s?\.?\s+read(?:ing)?|мин(?:ут[аы]?)?\.?\s+(?:чтения|на\s+чтение))"
    r"|(?:время\s+(?:чтения|на\s+чтение)|reading\s+time|read\s+time|читать)\s*:?\s*[~≈]?\s*\d{1,3}"
    r"[^\n]{0,20}|\d{1,3}\s?(?:mins?|мин)\.?|\d{1,3}\s(?:minutes?|минут[аы]?)"
    # "Updated 2 hours ago", "Обновлено 5 минут назад", "Just now"
    r"|(?:(?:updated|published|posted|обновлено|опубликовано)\s*:?\s*)?(?:\d{1,3}|an?|one)\s"
    r"(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь])"
    r"\s(?:ago|назад)|(?:(?:updated|обновлено)\s*:?\s*)?(?:just\s+now|только\s+что)"
    r"|(?:просмотров|просмотры|показы|views|comments|комментариев)\s*:?\s*\d[\d\s]{0,12})$",
    re.IGNORECASE,
)

# A reading time in other words: a short line with a number of minutes and reading.
READING_TIME_RE = re.compile(
    r"^(?=[^\n]{0,40}$)(?=\D{0,30}\d{1,3}\s?-?\s?(?:min|мин))"
    r"(?=[^\n]{0,40}?(?:read|чтени|читать|прочт))",
    re.IGNORECASE,
)

# The top bar's weather and exchange rates: "Mill City 28°F Snow", "USD 91,20 EUR 99,05".
WEATHER_RE = re.compile(
    r"[-+−]?\d{1,3}\s?°\s?[CFС]?(?!\w)|\b(?:USD|EUR|CNY|GBP)\s+\d", re.IGNORECASE
)
# A poll's or a form's options: "( ) Sometimes", "(*) Yes", "[ ] Remember me".
FORM_OPTION_RE = re.compile(r"^(?:\(\s?\*?\s?\)|\[\s?[xX]?\s?\])\s")
# A line of hashtags: "#транспорт #трамвай".
HASHTAGS_RE = re.compile(r"^#\w[\w-]{0,40}(?:\s+#\w[\w-]{0,40}){0,30}$")
# Names of languages as a page's language switch lists them.
_LANGUAGES = (
    "english español deutsch français italiano português polski nederlands svenska русский"
    " українська беларуская қазақша татарча башҡортса oʻzbekcha türkçe tiếng việt 中文 日本語"
    " 한국어 العربية ru en de fr es it uk kz tt рус eng укр каз тат ру rus ukr international"
)
LANGUAGE_WORDS = frozenset(_LANGUAGES.split())
# The first step of a breadcrumb trail.
HOME_WORDS = frozenset(("home", "главная", "главная страница", "начало", "news", "новости"))
# A label alone over an ad: what follows it is the ad's text.
AD_LABEL_RE = re.compile(
    r"^(?:advertisement|advert|ad|sponsored|реклама|на\s+правах\s+рекламы|partner\s+content"
    r"|партн[её]рский\s+материал)[\s:.]*$",
    re.IGNORECASE,
)
# Separators of breadcrumbs and inline menus: "Home / News / Local", "Главная › Культура".
NAV_SEPARATOR_RE = re.compile(r"\s(?:/|→|>|»|›|⟩|\||·|•|::)\s")

# A media player's controls as a dump prints them: "Play 0:00 / 2:14 Mute CC Fullscreen".
_PLAYER_WORDS = (
    r"play|pause|replay|mute|unmute|volume|cc|captions|subtitles|settings|fullscreen"
    r"|full\s+screen|exit\s+full\s+screen|picture[-\s]in[-\s]picture|live"
    r"|воспроизвести|пауза|звук|субтитры|настройки|во\s+весь\s+экран"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
# An audio player's other controls, on a line with a time: "▶ Play 0:00 [0 ] 41:12 −15s
# +30s 1× Download Add to queue Share" (w3m writes its seek slider as a field).
_AUDIO_WORDS = (
    r"[▶►⏵⏸]|download|скачать|add\s+to\s+(?:queue|playlist)|share|поделиться"
    r"|[-−+]\d{1,3}\s?(?:s|с|сек)|\d(?:[.,]\d{1,2})?\s?[×x]|\[\d{0,6}\s{0,200}\]|speed|скорость"
)
PLAYER_RE = re.compile(
    rf"^(?:(?:{_PLAYER_WORDS})[\s,|•·]*){{2,}}$"
    rf"|^(?=[^\n]{{0,200}}?\d:\d\d)(?:(?:{_PLAYER_WORDS}|{_AUDIO_WORDS})[\s,|•·]*){{3,}}$",
    re.IGNORECASE,
)
# A video's poster as a dump prints it: its picture's alt text, its button and its length
# ("Пасечник у пустого улья Смотреть видео 03:12", "Watch video 2:14").
VIDEO_TAIL_RE = re.compile(
    r"(?:смотреть|посмотреть|watch|play)(?:\s+(?:the\s+)?(?:видео|ролик|video|now))?"
    r"\s{0,3}[▶►]?\s{0,3}\(?\d{1,2}:\d{2}(?::\d{2})?\)?$",
    re.IGNORECASE,
)
# A podcast's or a video's credits: "… is presented by Ayo Brennan and produced by Kit
# Ferrand. Sound design by Luca Marr." (three roles or more: prose may name one or two).
CREDIT_RE = re.compile(
    r"(?<!\w)(?i:presented|produced|hosted|edited|mixed|mastered|composed|recorded|directed"
    r"|designed|illustrated|animated|narrated|sound\s+design(?:ed)?|music|artwork|photography"
    r"|graphics|illustrations|editing|production)\s+by\s+[A-Z]"
    r"|(?<!\w)(?i:ведущ(?:ий|ая|ие)|продюсер|звукорежисс[её]р|монтаж|музыка|режисс[её]р|оператор"
    r"|редактор|сценарий|обложка)\s?[:—–-]\s?[А-ЯЁ]",
)
CREDIT_ROLES = 3
# A press release's embargo line and its like: "EMBARGOED UNTIL 00:01 BST, TUESDAY 14 MAY".
EMBARGO_RE = re.compile(
    r"^(?:embargo(?:ed)?\b|under\s+embargo|for\s+immediate\s+release|not\s+for\s+(?:publication"
    r"|release)\s+(?:before|until)|под\s+эмбарго|эмбарго\b|для\s+немедленной\s+публикации)",
    re.IGNORECASE,
)
# The label of a page's list of contents: its items repeat the subheadings of the text.
CONTENTS_RE = re.compile(
    r"^(?:contents|table\s+of\s+contents|on\s+this\s+page|in\s+this\s+(?:article|story|guide)"
    r"|jump\s+to|содержание|оглавление|в\s+этой\s+статье|на\s+этой\s+странице|в\s+материале)\s*:?$",
    re.IGNORECASE,
)
# An accordion's button run on to its question ("Will the charge go up?, Show this section"):
# the page hides the words from sight, not from a dump.
TOGGLE_RE = re.compile(
    r",\s?(?:(?:show|hide)(?:\s+this)?\s+section|expand|collapse|показать|скрыть|развернуть"
    r"|свернуть)$",
    re.IGNORECASE,
)
# The heading of a gallery after the text: what follows it are its pictures' captions.
GALLERY_RE = re.compile(
    r"^(?:photo\s+gallery|gallery|in\s+pictures|photos|фотогалерея|галерея|фоторепортаж"
    r"|фото)\s*:?$",
    re.IGNORECASE,
)
# A time code that opens a chapter of a recording: "00:00 Intro", "1:02:15 Q&A".
TIMECODE_RE = re.compile(r"^(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s")
# A transcript's label: the block under it is what the video says, not the article.
TRANSCRIPT_RE = re.compile(
    r"^(?:(?:show|hide|view|read)\s+(?:the\s+)?)?transcript\b|^(?:показать\s+)?расшифровк",
    re.IGNORECASE,
)
