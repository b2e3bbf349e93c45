<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Application</name>
    <message>
        <source>Move the damaged file aside (it is kept, renamed) and start a fresh library?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Comfort</name>
    <message>
        <source>Next &amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface language changes when the app starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Related forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also find other forms of the words (Казахстан, Казахстана…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryControls</name>
    <message>
        <source>&amp;Continue Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the article you were reading, where you stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue Reading at &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;30 Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;90 Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;365 Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading history is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to continue: no unfinished article in your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget every article you have read and every place you stopped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your articles stay in the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search titles in your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens an article where you stopped; Delete forgets the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles (*.txt *.text *.md *.markdown *.html *.htm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title, source or author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles in the library. Enter opens the selected article, Delete removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from Library…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Article Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Image: %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Image]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” from the library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 articles from the library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files you imported them from are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space, Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Space, Page Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginning / end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+mouse wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Article Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline reader for stored articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License: GPL-3.0-or-later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your library is kept in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 words, %2 min read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read Aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud is unavailable: the Qt speech module could not be loaded ({0}). On Debian or Ubuntu, install the package libpulse0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud is unavailable: no speech engine is working ({0}). On Debian or Ubuntu, install the packages speech-dispatcher and speech-dispatcher-espeak-ng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no voices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice for the article&apos;s language ({0}); reading aloud with the default voice ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading voice: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reading aloud (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume reading aloud (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the article aloud from the top of the view (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading aloud (Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud faster (Ctrl+])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud slower (Ctrl+[)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloudWidget</name>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud unavailable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingSettingsDialog</name>
    <message>
        <source>Reading Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (about %2 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left (ragged right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface language changes when the app starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paragraph spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;etter spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Word spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Column width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alignment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low Vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyslexia-Friendly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reading settings the app starts with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large text, high contrast, generous spacing and a wide column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left aligned, shorter lines, more space between letters, words and lines, on a calm sepia page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Reading Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the %1 of %2 installed fonts that have Cyrillic letters, which this article needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the %1 of %2 installed fonts that have Latin letters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any reading state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %1 found in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <source>Smaller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Text Size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset text size (100%) (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember Size for This Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use This Size for All Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% (this article)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextSizeWidget</name>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset text size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article keeps its own text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size for all articles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
