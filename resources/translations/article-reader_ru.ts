<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AboutBox</name>
    <message>
        <source>About Article Reader</source>
        <translation>О программе Article Reader</translation>
    </message>
    <message>
        <source>An offline reader for stored articles.</source>
        <translation>Программа для чтения сохранённых статей без подключения к интернету.</translation>
    </message>
    <message>
        <source>License: GPL-3.0-or-later</source>
        <translation>Лицензия: GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>Your library is kept in:</source>
        <translation>Библиотека хранится в папке:</translation>
    </message>
    <message>
        <source>Open Library Folder</source>
        <translation>Открыть папку библиотеки</translation>
    </message>
</context>
<context>
    <name>AllNotesDialog</name>
    <message>
        <source>All Notes and Highlights</source>
        <translation>Все заметки и выделения</translation>
    </message>
    <message>
        <source>Filter by words or note</source>
        <translation>Фильтр по словам или заметке</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Очистить фильтр</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Фильтр:</translation>
    </message>
    <message>
        <source>Only highlights with &amp;notes</source>
        <translation>Только выделения с &amp;заметками</translation>
    </message>
    <message>
        <source>Show &amp;bookmarks</source>
        <translation>Показывать за&amp;кладки</translation>
    </message>
    <message>
        <source>Notes and highlights, newest first</source>
        <translation>Заметки и выделения, сначала новые</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Marks: %1</source>
        <translation>Пометок: %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Read-only library (%1): reading works; nothing is recorded or added</source>
        <translation>Библиотека только для чтения (%1): читать можно, но ничего не записывается и не добавляется</translation>
    </message>
    <message>
        <source>Move the damaged file aside (it is kept, renamed) and recover what can still be read into a fresh library?</source>
        <translation>Отложить повреждённый файл (он сохранится под другим именем) и перенести всё, что ещё читается, в новую библиотеку?</translation>
    </message>
</context>
<context>
    <name>ArticleMarks</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>&amp;Выделить цветом</translation>
    </message>
    <message>
        <source>Add or Edit N&amp;ote…</source>
        <translation>&amp;Заметка к выделению…</translation>
    </message>
    <message>
        <source>Add &amp;Bookmark</source>
        <translation>Добавить за&amp;кладку</translation>
    </message>
    <message>
        <source>&amp;Remove Highlight</source>
        <translation>&amp;Убрать выделение</translation>
    </message>
    <message>
        <source>Select some words to highlight first (F7 turns on the text cursor)</source>
        <translation>Сначала выделите слова (F7 включает текстовый курсор)</translation>
    </message>
    <message>
        <source>Highlighted: %1</source>
        <translation>Выделено: %1</translation>
    </message>
    <message>
        <source>Select some words, or put the text cursor on a highlight, to add a note</source>
        <translation>Чтобы добавить заметку, выделите слова или поставьте текстовый курсор на выделение</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>Заметка сохранена</translation>
    </message>
    <message>
        <source>Note removed</source>
        <translation>Заметка удалена</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Note on the highlighted words:</source>
        <translation>Заметка к выделенным словам:</translation>
    </message>
    <message>
        <source>Bookmark added: %1</source>
        <translation>Закладка добавлена: %1</translation>
    </message>
    <message>
        <source>No highlight at the text cursor</source>
        <translation>Под текстовым курсором нет выделения</translation>
    </message>
    <message>
        <source>Bookmark removed: %1</source>
        <translation>Закладка удалена: %1</translation>
    </message>
    <message>
        <source>Highlight removed: %1</source>
        <translation>Выделение убрано: %1</translation>
    </message>
    <message>
        <source>Marks removed: %1</source>
        <translation>Удалено пометок: %1</translation>
    </message>
    <message>
        <source>These words are no longer in the article</source>
        <translation>Этих слов больше нет в статье</translation>
    </message>
    <message>
        <source>No article is open</source>
        <translation>Статья не открыта</translation>
    </message>
    <message>
        <source>The library is read-only: marks cannot be kept</source>
        <translation>Библиотека только для чтения: пометки сохранить нельзя</translation>
    </message>
    <message>
        <source>This mark is no longer in the library</source>
        <translation>Этой пометки больше нет в библиотеке</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Пометки</translation>
    </message>
</context>
<context>
    <name>ArticleNavigation</name>
    <message>
        <source>&amp;Contents…</source>
        <translation>&amp;Оглавление…</translation>
    </message>
    <message>
        <source>Li&amp;nks…</source>
        <translation>Список сс&amp;ылок…</translation>
    </message>
    <message>
        <source>Next &amp;Heading</source>
        <translation>Следующий &amp;заголовок</translation>
    </message>
    <message>
        <source>Pre&amp;vious Heading</source>
        <translation>Пр&amp;едыдущий заголовок</translation>
    </message>
    <message>
        <source>Next Lin&amp;k</source>
        <translation>Следующая &amp;ссылка</translation>
    </message>
    <message>
        <source>Previous L&amp;ink</source>
        <translation>Предыдущая ссы&amp;лка</translation>
    </message>
    <message>
        <source>Next &amp;List</source>
        <translation>Следующий с&amp;писок</translation>
    </message>
    <message>
        <source>Previous Li&amp;st</source>
        <translation>Предыдущий списо&amp;к</translation>
    </message>
    <message>
        <source>Next &amp;Quote</source>
        <translation>Следующая &amp;цитата</translation>
    </message>
    <message>
        <source>Previous Q&amp;uote</source>
        <translation>Предыдущая цит&amp;ата</translation>
    </message>
    <message>
        <source>Next &amp;Picture</source>
        <translation>Следующее &amp;изображение</translation>
    </message>
    <message>
        <source>Previous Pic&amp;ture</source>
        <translation>Предыдущее изобра&amp;жение</translation>
    </message>
    <message>
        <source>Heading level %1: %2</source>
        <translation>Заголовок уровня %1: %2</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Ссылка: %1</translation>
    </message>
    <message>
        <source>List, 1 item: %1</source>
        <translation>Список, 1 пункт: %1</translation>
    </message>
    <message>
        <source>List, %1 items: %2</source>
        <translation>Список (пунктов: %1): %2</translation>
    </message>
    <message>
        <source>Quote: %1</source>
        <translation>Цитата: %1</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Изображение: %1</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <source>No next heading</source>
        <translation>Дальше заголовков нет</translation>
    </message>
    <message>
        <source>No next link</source>
        <translation>Дальше ссылок нет</translation>
    </message>
    <message>
        <source>No next list</source>
        <translation>Дальше списков нет</translation>
    </message>
    <message>
        <source>No next quote</source>
        <translation>Дальше цитат нет</translation>
    </message>
    <message>
        <source>No next picture</source>
        <translation>Дальше изображений нет</translation>
    </message>
    <message>
        <source>No previous heading</source>
        <translation>Выше заголовков нет</translation>
    </message>
    <message>
        <source>No previous link</source>
        <translation>Выше ссылок нет</translation>
    </message>
    <message>
        <source>No previous list</source>
        <translation>Выше списков нет</translation>
    </message>
    <message>
        <source>No previous quote</source>
        <translation>Выше цитат нет</translation>
    </message>
    <message>
        <source>No previous picture</source>
        <translation>Выше изображений нет</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
</context>
<context>
    <name>Comfort</name>
    <message>
        <source>Next &amp;Theme</source>
        <translation>&amp;Следующая тема</translation>
    </message>
    <message>
        <source>&amp;Reading Settings…</source>
        <translation>&amp;Настройки чтения…</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>Line &amp;Focus</source>
        <translation>&amp;Фокус на строках</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <source>Reading settings: %1</source>
        <translation>Настройки чтения: %1</translation>
    </message>
    <message>
        <source>The interface language changes when the app starts again.</source>
        <translation>Язык интерфейса сменится после перезапуска программы.</translation>
    </message>
    <message>
        <source>Read-aloud highlight: %1</source>
        <translation>Подсветка при чтении вслух: %1</translation>
    </message>
</context>
<context>
    <name>ContentsDialog</name>
    <message>
        <source>Contents</source>
        <translation>Оглавление</translation>
    </message>
    <message>
        <source>This article has no headings.</source>
        <translation>В этой статье нет заголовков.</translation>
    </message>
    <message>
        <source>Headings</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>&amp;Go to Heading</source>
        <translation>&amp;Перейти к заголовку</translation>
    </message>
</context>
<context>
    <name>ExportMarks</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Marks</source>
        <translation>Экспорт пометок</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Закладка</translation>
    </message>
    <message>
        <source>these words are no longer in the article</source>
        <translation>этих слов больше нет в статье</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Найти в статье</translation>
    </message>
    <message>
        <source>&amp;Related forms</source>
        <translation>&amp;Учитывать формы слов</translation>
    </message>
    <message>
        <source>Also find other forms of the words (Казахстан, Казахстана…)</source>
        <translation>Находить и другие формы слов (Казахстан, Казахстана…)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
</context>
<context>
    <name>HighlightColours</name>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
</context>
<context>
    <name>HistoryControls</name>
    <message>
        <source>&amp;Continue Reading</source>
        <translation>&amp;Продолжить чтение</translation>
    </message>
    <message>
        <source>Open the article you were reading, where you stopped</source>
        <translation>Открыть статью, которую вы читали, на месте, где вы остановились</translation>
    </message>
    <message>
        <source>Show &amp;History</source>
        <translation>Показать &amp;историю</translation>
    </message>
    <message>
        <source>&amp;Pause History</source>
        <translation>Прио&amp;становить историю</translation>
    </message>
    <message>
        <source>Continue Reading at &amp;Start</source>
        <translation>Продолжать чтение при &amp;запуске</translation>
    </message>
    <message>
        <source>C&amp;lear History…</source>
        <translation>&amp;Очистить историю…</translation>
    </message>
    <message>
        <source>&amp;Forever</source>
        <translation>&amp;Всегда</translation>
    </message>
    <message>
        <source>&amp;30 Days</source>
        <translation>&amp;30 дней</translation>
    </message>
    <message>
        <source>&amp;90 Days</source>
        <translation>&amp;90 дней</translation>
    </message>
    <message>
        <source>&amp;365 Days</source>
        <translation>3&amp;65 дней</translation>
    </message>
    <message>
        <source>History paused</source>
        <translation>История приостановлена</translation>
    </message>
    <message>
        <source>Reading history is paused</source>
        <translation>Запись истории чтения приостановлена</translation>
    </message>
    <message>
        <source>&amp;Keep History</source>
        <translation>&amp;Хранить историю</translation>
    </message>
    <message>
        <source>Nothing to continue: no unfinished article in your history</source>
        <translation>Нечего продолжать: в истории нет недочитанных статей</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Очистка истории</translation>
    </message>
    <message>
        <source>Forget every article you have read and every place you stopped?</source>
        <translation>Забыть все прочитанные статьи и места, где вы остановились?</translation>
    </message>
    <message>
        <source>Your articles stay in the library.</source>
        <translation>Сами статьи останутся в библиотеке.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Ранее</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>прочитана</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search titles in your history</source>
        <translation>Поиск по названиям в истории</translation>
    </message>
    <message>
        <source>Filter the history</source>
        <translation>Фильтр истории</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Очистить фильтр</translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation>История чтения</translation>
    </message>
    <message>
        <source>Enter opens an article where you stopped; Delete forgets the entry.</source>
        <translation>Enter открывает статью на месте, где вы остановились; Delete удаляет запись.</translation>
    </message>
    <message>
        <source>Clear History…</source>
        <translation>Очистить историю…</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Очистить историю</translation>
    </message>
    <message>
        <source>Remove from History</source>
        <translation>Удалить из истории</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Import Files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <source>Articles (*.txt *.text *.md *.markdown *.html *.htm *.mhtml *.mht);;All files (*)</source>
        <translation>Статьи (*.txt *.text *.md *.markdown *.html *.htm *.mhtml *.mht);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation>Импорт %1 из %2: %3</translation>
    </message>
    <message>
        <source>The import stopped: %1</source>
        <translation>Импорт остановлен: %1</translation>
    </message>
    <message>
        <source>Some files could not be imported.</source>
        <translation>Некоторые файлы не удалось импортировать.</translation>
    </message>
    <message>
        <source>Some pictures could not be kept; the articles were imported without them.</source>
        <translation>Некоторые изображения не удалось сохранить; статьи импортированы без них.</translation>
    </message>
</context>
<context>
    <name>IndexRebuild</name>
    <message>
        <source>Search index</source>
        <translation>Поисковый индекс</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Поисковый индекс перестраивается…</translation>
    </message>
    <message>
        <source>Rebuilding the search index: {0}% (search uses the old one meanwhile)</source>
        <translation>Поисковый индекс перестраивается: {0}% (пока поиск идёт по старому)</translation>
    </message>
    <message>
        <source>The search index is rebuilt: every form of a Russian word is found</source>
        <translation>Поисковый индекс перестроен: находятся все формы русских слов</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Не начата</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Прочитана</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title, source or author</source>
        <translation>Фильтр по названию, источнику или автору</translation>
    </message>
    <message>
        <source>Filter the library</source>
        <translation>Фильтр библиотеки</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Очистить фильтр</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Articles in the library. Enter opens the selected article, Delete removes it.</source>
        <translation>Статьи в библиотеке. Enter открывает выбранную статью, Delete удаляет её.</translation>
    </message>
    <message>
        <source>Show articles</source>
        <translation>Показывать статьи</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Все статьи</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Пока&amp;зать:</translation>
    </message>
    <message>
        <source>Remove from Library…</source>
        <translation>Удалить из библиотеки…</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>Показано: %1</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>Статей: %1</translation>
    </message>
    <message>
        <source>%1 words, %2 min read</source>
        <translation>Слов: %1, %2 мин чтения</translation>
    </message>
</context>
<context>
    <name>LineFocusMenu</name>
    <message>
        <source>&amp;Show Line Focus</source>
        <translation>&amp;Показывать фокус на строках</translation>
    </message>
    <message>
        <source>Dim the article except the lines around the text cursor or the sentence read aloud (Ctrl+Shift+L)</source>
        <translation>Затемнить статью, кроме строк вокруг текстового курсора или читаемого вслух предложения (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;1 Line</source>
        <translation>&amp;1 строка</translation>
    </message>
    <message>
        <source>&amp;3 Lines</source>
        <translation>&amp;3 строки</translation>
    </message>
    <message>
        <source>&amp;5 Lines</source>
        <translation>&amp;5 строк</translation>
    </message>
    <message>
        <source>Line focus off</source>
        <translation>Фокус на строках выключен</translation>
    </message>
    <message>
        <source>Line focus on: 1 line</source>
        <translation>Фокус на строках включён: 1 строка</translation>
    </message>
    <message>
        <source>Line focus on: 3 lines</source>
        <translation>Фокус на строках включён: 3 строки</translation>
    </message>
    <message>
        <source>Line focus on: 5 lines</source>
        <translation>Фокус на строках включён: 5 строк</translation>
    </message>
</context>
<context>
    <name>LinksDialog</name>
    <message>
        <source>Links</source>
        <translation>Ссылки</translation>
    </message>
    <message>
        <source>This article has no links.</source>
        <translation>В этой статье нет ссылок.</translation>
    </message>
    <message>
        <source>Links in the article</source>
        <translation>Ссылки в статье</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>&amp;Open Link</source>
        <translation>&amp;Открыть ссылку</translation>
    </message>
    <message>
        <source>&amp;Go to Link</source>
        <translation>&amp;Перейти к ссылке</translation>
    </message>
    <message>
        <source>Opened in the browser: %1</source>
        <translation>Открыто в браузере: %1</translation>
    </message>
    <message>
        <source>Not opened: %1 is not a web or e-mail address.</source>
        <translation>Не открыто: %1 — не веб-адрес и не адрес электронной почты.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Marks exported to %1</source>
        <translation>Пометки сохранены в %1</translation>
    </message>
    <message>
        <source>An import is already running</source>
        <translation>Импорт уже выполняется</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <source>Marks in this article</source>
        <translation>Пометки в статье</translation>
    </message>
    <message>
        <source>All &amp;Notes…</source>
        <translation>Все &amp;заметки…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Статья не открыта.</translation>
    </message>
    <message>
        <source>No marks in this article yet. Select words and press Ctrl+Shift+H to highlight them, or Ctrl+D to add a bookmark.</source>
        <translation>В этой статье пока нет пометок. Выделите слова и нажмите Ctrl+Shift+H, чтобы отметить их цветом, или Ctrl+D, чтобы добавить закладку.</translation>
    </message>
    <message>
        <source>&amp;Marks in this article: %1</source>
        <translation>По&amp;метки в статье: %1</translation>
    </message>
    <message>
        <source>Bookmark: %1</source>
        <translation>Закладка: %1</translation>
    </message>
    <message>
        <source>Highlight (%1): “%2”</source>
        <translation>Выделение (%1): «%2»</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Заметка: %1</translation>
    </message>
    <message>
        <source>(these words are no longer in the article)</source>
        <translation>(этих слов больше нет в статье)</translation>
    </message>
    <message>
        <source>Remove the bookmark “%1”?</source>
        <translation>Удалить закладку «%1»?</translation>
    </message>
    <message>
        <source>Remove the highlight “%1”?</source>
        <translation>Убрать выделение «%1»?</translation>
    </message>
    <message>
        <source>Its note goes with it.</source>
        <translation>Заметка к нему тоже будет удалена.</translation>
    </message>
    <message>
        <source>Remove Mark</source>
        <translation>Удаление пометки</translation>
    </message>
    <message>
        <source>Rename Bookmark</source>
        <translation>Переименование закладки</translation>
    </message>
    <message>
        <source>Bookmark name:</source>
        <translation>Название закладки:</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>Marked words</source>
        <translation>Выделенные слова</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Bookmark: %1</source>
        <translation>Закладка: %1</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>The reading settings the app starts with.</source>
        <translation>Исходные настройки чтения, с которыми программа запускается.</translation>
    </message>
    <message>
        <source>Low Vision</source>
        <translation>Для слабовидящих</translation>
    </message>
    <message>
        <source>Large text, high contrast, generous spacing and a wide column.</source>
        <translation>Крупный текст, высокая контрастность, увеличенные интервалы и широкая колонка.</translation>
    </message>
    <message>
        <source>Dyslexia-Friendly</source>
        <translation>При дислексии</translation>
    </message>
    <message>
        <source>Left aligned, shorter lines, more space between letters, words and lines, on a calm sepia page, with line focus on three lines.</source>
        <translation>Выравнивание по левому краю, короткие строки, больше места между буквами, словами и строками, спокойная страница цвета сепии и фокус на трёх строках.</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>&amp;Words and Sentence</source>
        <translation>&amp;Слова и предложение</translation>
    </message>
    <message>
        <source>&amp;Sentence Only</source>
        <translation>Только &amp;предложение</translation>
    </message>
    <message>
        <source>&amp;No Highlight</source>
        <translation>&amp;Без подсветки</translation>
    </message>
    <message>
        <source>Read Aloud</source>
        <translation>Читать вслух</translation>
    </message>
    <message>
        <source>Stop Reading</source>
        <translation>Остановить чтение</translation>
    </message>
    <message>
        <source>Read Faster</source>
        <translation>Читать быстрее</translation>
    </message>
    <message>
        <source>Read Slower</source>
        <translation>Читать медленнее</translation>
    </message>
    <message>
        <source>Read aloud is unavailable: the Qt speech module could not be loaded ({0}). On Debian or Ubuntu, install the package libpulse0.</source>
        <translation>Чтение вслух недоступно: не удалось загрузить речевой модуль Qt ({0}). В Debian или Ubuntu установите пакет libpulse0.</translation>
    </message>
    <message>
        <source>There is nothing to read aloud.</source>
        <translation>Нечего читать вслух.</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>Чтение вслух</translation>
    </message>
    <message>
        <source>Starting the speech engine…</source>
        <translation>Запускается синтезатор речи…</translation>
    </message>
    <message>
        <source>Reading paused</source>
        <translation>Чтение приостановлено</translation>
    </message>
    <message>
        <source>Stopped reading</source>
        <translation>Чтение остановлено</translation>
    </message>
    <message>
        <source>Reading speed: {0}</source>
        <translation>Скорость чтения: {0}</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>обычная</translation>
    </message>
    <message>
        <source>The speech engine does not say which word it is on: the sentence is highlighted.</source>
        <translation>Синтезатор речи не сообщает, какое слово он читает: подсвечивается предложение.</translation>
    </message>
    <message>
        <source>Read aloud is unavailable: no speech engine is working ({0}). On Debian or Ubuntu, install the packages speech-dispatcher and speech-dispatcher-espeak-ng.</source>
        <translation>Чтение вслух недоступно: не работает ни один синтезатор речи ({0}). В Debian или Ubuntu установите пакеты speech-dispatcher и speech-dispatcher-espeak-ng.</translation>
    </message>
    <message>
        <source>no voices</source>
        <translation>нет голосов</translation>
    </message>
    <message>
        <source>No voice for the article&apos;s language ({0}); reading aloud with the default voice ({1}).</source>
        <translation>Нет голоса для языка статьи ({0}); чтение голосом по умолчанию ({1}).</translation>
    </message>
    <message>
        <source>Reading voice: {0} ({1})</source>
        <translation>Голос для чтения: {0} ({1})</translation>
    </message>
    <message>
        <source>Finished reading</source>
        <translation>Чтение завершено</translation>
    </message>
    <message>
        <source>The speech engine stopped answering, so reading stopped ({0}).</source>
        <translation>Синтезатор речи перестал отвечать, и чтение остановлено ({0}).</translation>
    </message>
    <message>
        <source>perhaps no sound output works</source>
        <translation>возможно, не работает вывод звука</translation>
    </message>
    <message>
        <source>Pause Reading</source>
        <translation>Приостановить чтение</translation>
    </message>
    <message>
        <source>Pause reading aloud (Ctrl+R)</source>
        <translation>Приостановить чтение вслух (Ctrl+R)</translation>
    </message>
    <message>
        <source>Resume reading aloud (Ctrl+R)</source>
        <translation>Продолжить чтение вслух (Ctrl+R)</translation>
    </message>
    <message>
        <source>Read the article aloud from the top of the view (Ctrl+R)</source>
        <translation>Читать статью вслух с первой строки на экране (Ctrl+R)</translation>
    </message>
    <message>
        <source>Stop reading aloud (Ctrl+.)</source>
        <translation>Остановить чтение вслух (Ctrl+.)</translation>
    </message>
    <message>
        <source>Read aloud faster (Ctrl+])</source>
        <translation>Читать вслух быстрее (Ctrl+])</translation>
    </message>
    <message>
        <source>Read aloud slower (Ctrl+[)</source>
        <translation>Читать вслух медленнее (Ctrl+[)</translation>
    </message>
</context>
<context>
    <name>ReadAloudWidget</name>
    <message>
        <source>Stop reading</source>
        <translation>Остановить чтение</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Скорость чтения</translation>
    </message>
    <message>
        <source>Reading speed: {0}</source>
        <translation>Скорость чтения: {0}</translation>
    </message>
    <message>
        <source>Speed: {0}</source>
        <translation>Скорость: {0}</translation>
    </message>
    <message>
        <source>Read aloud unavailable</source>
        <translation>Чтение вслух недоступно</translation>
    </message>
</context>
<context>
    <name>ReadingChoices</name>
    <message>
        <source>Unread</source>
        <translation>Непрочитанные</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Начатые</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Прочитанные</translation>
    </message>
    <message>
        <source>Read in the last 7 days</source>
        <translation>Читались за последние 7 дней</translation>
    </message>
    <message>
        <source>Read in the last 30 days</source>
        <translation>Читались за последние 30 дней</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>%1 views</source>
        <translation>Просмотров: %1</translation>
    </message>
    <message>
        <source>%1 min read</source>
        <translation>%1 мин чтения</translation>
    </message>
    <message>
        <source>[Image: %1]</source>
        <translation>[Изображение: %1]</translation>
    </message>
    <message>
        <source>[Image]</source>
        <translation>[Изображение]</translation>
    </message>
</context>
<context>
    <name>ReadingSettingsDialog</name>
    <message>
        <source>Reading Settings</source>
        <translation>Настройки чтения</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Шрифт</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>Межстрочный интервал</translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation>Интервал между абзацами</translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation>Интервал между буквами</translation>
    </message>
    <message>
        <source>Word spacing</source>
        <translation>Интервал между словами</translation>
    </message>
    <message>
        <source>Column width</source>
        <translation>Ширина колонки</translation>
    </message>
    <message>
        <source>Narrow</source>
        <translation>Узкая</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>Широкая</translation>
    </message>
    <message>
        <source>Full width</source>
        <translation>Во всю ширину</translation>
    </message>
    <message>
        <source>%1 (about %2 characters)</source>
        <translation>%1 (около %2 символов)</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <source>Left (ragged right)</source>
        <translation>По левому краю</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Line focus</source>
        <translation>Фокус на строках</translation>
    </message>
    <message>
        <source>Dims the article except the lines around the text cursor or the sentence read aloud (Ctrl+Shift+L turns it on and off).</source>
        <translation>Затемняет статью, кроме строк вокруг текстового курсора или читаемого вслух предложения (Ctrl+Shift+L включает и выключает).</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключен</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 строка</translation>
    </message>
    <message>
        <source>3 lines</source>
        <translation>3 строки</translation>
    </message>
    <message>
        <source>5 lines</source>
        <translation>5 строк</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Highlight while reading aloud</source>
        <translation>Подсветка при чтении вслух</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The interface language changes when the app starts again.</source>
        <translation>Язык интерфейса сменится после перезапуска программы.</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;Шрифт:</translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation>&amp;Межстрочный интервал:</translation>
    </message>
    <message>
        <source>&amp;Paragraph spacing:</source>
        <translation>Интервал между &amp;абзацами:</translation>
    </message>
    <message>
        <source>L&amp;etter spacing:</source>
        <translation>Интервал между &amp;буквами:</translation>
    </message>
    <message>
        <source>&amp;Word spacing:</source>
        <translation>Интервал между &amp;словами:</translation>
    </message>
    <message>
        <source>&amp;Column width:</source>
        <translation>Ширина &amp;колонки:</translation>
    </message>
    <message>
        <source>&amp;Alignment:</source>
        <translation>&amp;Выравнивание:</translation>
    </message>
    <message>
        <source>Line f&amp;ocus:</source>
        <translation>&amp;Фокус на строках:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Read-aloud &amp;highlight:</source>
        <translation>&amp;Подсветка при чтении:</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Наборы настроек</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>&amp;Reset Reading Settings</source>
        <translation>Сбросить &amp;настройки чтения</translation>
    </message>
    <message>
        <source>Showing the %1 of %2 installed fonts that have Cyrillic letters, which this article needs.</source>
        <translation>Показаны шрифты с кириллицей, нужной для этой статьи: %1 из %2 установленных.</translation>
    </message>
    <message>
        <source>Showing the %1 of %2 installed fonts that have Latin letters.</source>
        <translation>Показаны шрифты с латиницей: %1 из %2 установленных.</translation>
    </message>
</context>
<context>
    <name>Removal</name>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation>Удалить «%1» из библиотеки?</translation>
    </message>
    <message>
        <source>Remove %1 articles from the library?</source>
        <translation>Удалить выбранные статьи (%1) из библиотеки?</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>Удаление из библиотеки</translation>
    </message>
    <message>
        <source>The files you imported them from are not touched.</source>
        <translation>Исходные файлы, из которых выполнялся импорт, не будут затронуты.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Search all articles (Ctrl+K)</source>
        <translation>Поиск по всем статьям (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search all articles</source>
        <translation>Поиск по всем статьям</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Reading state</source>
        <translation>Состояние чтения</translation>
    </message>
    <message>
        <source>Any reading state</source>
        <translation>Любое состояние</translation>
    </message>
    <message>
        <source>Published from</source>
        <translation>Опубликованы с</translation>
    </message>
    <message>
        <source>Published until</source>
        <translation>Опубликованы по</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>Ис&amp;точник:</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Сост&amp;ояние:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <source>Add a word to search for: a word after a minus is left out</source>
        <translation>Добавьте слово для поиска: слово после минуса исключается</translation>
    </message>
    <message>
        <source>More than %1 found in %2 ms</source>
        <translation>Найдено больше %1 за %2 мс</translation>
    </message>
    <message>
        <source>%1 found in %2 ms</source>
        <translation>Найдено: %1 за %2 мс</translation>
    </message>
    <message>
        <source>More than %1 found</source>
        <translation>Найдено больше %1</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>Найдено: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Везде</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>Next screen</source>
        <translation>Следующий экран</translation>
    </message>
    <message>
        <source>Space, Page Down</source>
        <translation>Пробел, Page Down</translation>
    </message>
    <message>
        <source>Previous screen</source>
        <translation>Предыдущий экран</translation>
    </message>
    <message>
        <source>Shift+Space, Page Up</source>
        <translation>Shift+Пробел, Page Up</translation>
    </message>
    <message>
        <source>Beginning / end</source>
        <translation>Начало / конец</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>Увеличить / уменьшить текст</translation>
    </message>
    <message>
        <source>Ctrl+mouse wheel</source>
        <translation>Ctrl+колесо мыши</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>Open the selected article</source>
        <translation>Открыть выбранную статью</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Переход между элементами управления</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Библиотека</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>Исто&amp;рия</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>Поис&amp;к</translation>
    </message>
    <message>
        <source>Mar&amp;ks</source>
        <translation>По&amp;метки</translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <source>Smaller Text</source>
        <translation>Уменьшить текст</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+−)</source>
        <translation>Уменьшить текст (Ctrl+−)</translation>
    </message>
    <message>
        <source>Reset Text Size (100%)</source>
        <translation>Обычный размер текста (100%)</translation>
    </message>
    <message>
        <source>Reset text size (100%) (Ctrl+0)</source>
        <translation>Обычный размер текста (100%) (Ctrl+0)</translation>
    </message>
    <message>
        <source>Larger Text</source>
        <translation>Увеличить текст</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>Увеличить текст (Ctrl++)</translation>
    </message>
    <message>
        <source>Remember Size for This Article</source>
        <translation>Запомнить размер для этой статьи</translation>
    </message>
    <message>
        <source>Use This Size for All Articles</source>
        <translation>Применить этот размер ко всем статьям</translation>
    </message>
    <message>
        <source>Text size %1%</source>
        <translation>Размер текста %1%</translation>
    </message>
    <message>
        <source>%1% (this article)</source>
        <translation>%1% (для этой статьи)</translation>
    </message>
</context>
<context>
    <name>TextSizeWidget</name>
    <message>
        <source>Smaller text</source>
        <translation>Уменьшить текст</translation>
    </message>
    <message>
        <source>Reset text size (100%)</source>
        <translation>Обычный размер текста (100%)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Увеличить текст</translation>
    </message>
    <message>
        <source>Text size %1</source>
        <translation>Размер текста %1</translation>
    </message>
    <message>
        <source>This article keeps its own text size</source>
        <translation>У этой статьи свой размер текста</translation>
    </message>
    <message>
        <source>Text size for all articles</source>
        <translation>Размер текста для всех статей</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Сепия</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>Высокая контрастность</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импорт файлов…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;About Article Reader</source>
        <translation>&amp;О программе Article Reader</translation>
    </message>
    <message>
        <source>Filter Library</source>
        <translation>Фильтр библиотеки</translation>
    </message>
    <message>
        <source>&amp;Search Articles…</source>
        <translation>&amp;Поиск по статьям…</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>&amp;Найти в статье…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>&amp;Следующая панель</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>&amp;Предыдущая панель</translation>
    </message>
    <message>
        <source>Text &amp;Cursor</source>
        <translation>Текстовый &amp;курсор</translation>
    </message>
    <message>
        <source>Move through the article with a text cursor (arrow keys), as screen readers do</source>
        <translation>Перемещаться по статье текстовым курсором (клавишами со стрелками), как программы экранного доступа</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Show &amp;Marks</source>
        <translation>Показать по&amp;метки</translation>
    </message>
    <message>
        <source>&amp;All Notes and Highlights…</source>
        <translation>Все заметки и в&amp;ыделения…</translation>
    </message>
    <message>
        <source>E&amp;xport This Article&apos;s Marks…</source>
        <translation>&amp;Экспорт пометок статьи…</translation>
    </message>
    <message>
        <source>Text cursor on</source>
        <translation>Текстовый курсор включён</translation>
    </message>
    <message>
        <source>Text cursor off</source>
        <translation>Текстовый курсор выключен</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Highlight &amp;Colour</source>
        <translation>&amp;Цвет выделения</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Read &amp;Aloud</source>
        <translation>&amp;Чтение вслух</translation>
    </message>
    <message>
        <source>&amp;Highlight While Reading</source>
        <translation>Подсветка при &amp;чтении</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>Другие кнопки панели инструментов</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Другие меню</translation>
    </message>
</context>
</TS>
