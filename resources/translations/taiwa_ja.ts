<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Taiwa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential 1on1 notes for managers, encrypted on this laptop. No server, no account, no telemetry: nothing leaves this computer unless you export it.

Japanese text is shown with IPAex Gothic (IPA Font License v1.0).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionItemDelegate</name>
    <message>
        <source>No due date</source>
        <extracomment>Due-date editor of an action item: the value meaning &quot;no due date&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Back up the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa backups (*.taiwa-backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to {path}. It is encrypted and opens with your recovery code (or passphrase) alone — keep it on another disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored and opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Taiwa — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step you took did not finish ({kind}). Everything saved before it is safe in the vault. If it happens again, please report the error name shown here — it contains none of your notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <extracomment>Execution rate gauge title: the current calendar month.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <extracomment>Execution rate gauge title: the current calendar quarter.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1on1s held ÷ planned (calendar and cadence). The line marks the 90 % target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People overdue for a 1on1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is overdue. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming 1on1s — next two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming 1on1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals — for your eyes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signals right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts to ask, never a score about the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy mode is on: names, action items and signals are hidden. Turn it off to see them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals — for your eyes only (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>PDF に書き出す</translation>
    </message>
    <message>
        <source>What the PDF will include</source>
        <translation>PDF に含まれる内容</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Summary of this meeting</source>
        <translation>このミーティングのサマリー</translation>
    </message>
    <message>
        <source>Summary of the person over a period</source>
        <translation>期間を指定したメンバーのサマリー</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>過去6か月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>過去12か月</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>すべてのミーティング</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Shared summary to hand to the report</source>
        <translation>メンバーに渡す共有サマリー</translation>
    </message>
    <message>
        <source>Only what both of you saw: no private notes, no mood, no signals.</source>
        <translation>双方が確認した内容のみ：非公開メモ・気分・シグナルは含みません。</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>プライバシー</translation>
    </message>
    <message>
        <source>Include private notes</source>
        <translation>非公開メモを含める</translation>
    </message>
    <message>
        <source>Warning: the PDF will contain your private notes. Anyone who gets the file can read them. Protect it with a password and never hand it to the report.</source>
        <translation>注意：PDF に非公開メモが含まれます。ファイルを入手した人は誰でも読めます。パスワードで保護し、メンバーには渡さないでください。</translation>
    </message>
    <message>
        <source>Turn privacy mode off to include private notes.</source>
        <translation>非公開メモを含めるには、プライバシーモードをオフにしてください。</translation>
    </message>
    <message>
        <source>Protect the PDF with a password (AES-256)</source>
        <translation>PDF をパスワードで保護する（AES-256）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Language of the PDF:</source>
        <translation>PDF の言語：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>用紙：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期間の終わりが始まりより前になっています。</translation>
    </message>
    <message>
        <source>Enter a password, or untick password protection.</source>
        <translation>パスワードを入力するか、パスワード保護のチェックを外してください。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
    <message>
        <source>The file name must end in .pdf.</source>
        <translation>ファイル名は .pdf で終わる必要があります。</translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation>フォルダがありません。</translation>
    </message>
    <message>
        <source>• One meeting with {name}</source>
        <translation>• {name}さんとのミーティング1回</translation>
    </message>
    <message>
        <source>• Person: {name}</source>
        <translation>• メンバー：{name}</translation>
    </message>
    <message>
        <source>• Meetings: {count} ({start} – {end})</source>
        <translation>• ミーティング：{count}回（{start}〜{end}）</translation>
    </message>
    <message>
        <source>• Meetings: {count}</source>
        <translation>• ミーティング：{count}回</translation>
    </message>
    <message>
        <source>• Profile, role history and career goals</source>
        <translation>• プロフィール、役割の履歴、キャリアの目標</translation>
    </message>
    <message>
        <source>• Agenda topics: {topics} · Agreed actions: {actions}</source>
        <translation>• アジェンダ：{topics}件・合意したアクション：{actions}件</translation>
    </message>
    <message>
        <source>• Meetings with shared notes: {count}</source>
        <translation>• 共有メモのあるミーティング：{count}回</translation>
    </message>
    <message>
        <source>• PRIVATE NOTES INCLUDED — meetings with private notes: {count}</source>
        <translation>• 非公開メモを含みます（非公開メモのあるミーティング：{count}回）</translation>
    </message>
    <message>
        <source>• Private notes: not included (meetings with private notes: {count})</source>
        <translation>• 非公開メモ：含みません（非公開メモのあるミーティング：{count}回）</translation>
    </message>
    <message>
        <source>• Mood trend chart: included</source>
        <translation>• 気分の推移グラフ：含みます</translation>
    </message>
    <message>
        <source>• Mood: not included</source>
        <translation>• 気分：含みません</translation>
    </message>
    <message>
        <source>• Signals for the manager: {count}</source>
        <translation>• マネージャー向けシグナル：{count}件</translation>
    </message>
    <message>
        <source>• Signals: not included</source>
        <translation>• シグナル：含みません</translation>
    </message>
    <message>
        <source>Save PDF as</source>
        <translation>PDF の保存先</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>PDF を作成しています…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <source>The PDF is protected with your password (AES-256).</source>
        <translation>PDF はパスワードで保護されています（AES-256）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>書き出しを中止しました。ファイルは作成されていません。</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Taiwa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stricter: keep no key in the keyring and ask for a passphrase at every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase (at least {n} characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is also your recovery secret: without it the notes cannot be opened by anyone, including you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted vault on this computer, and its key is kept in {where} so Taiwa opens without a password while you are logged in. The key never goes into a file, so a copied vault folder or a lost backup cannot be read without your login or your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted vault on this computer. No system keyring is available here, so the vault will open with a passphrase you choose; it is never stored anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With this code — and only with it — you can open your vault if the keyring loses its key, or restore a backup on a new computer. Save or print it now and keep it away from this laptop; Taiwa will not show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have kept my recovery code somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Taiwa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path} (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed. Save the code to a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Work</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <comment>topic theme</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>meeting status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <comment>meeting status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>meeting status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <comment>meeting status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <comment>wanted response</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advise</source>
        <comment>wanted response</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think together</source>
        <comment>wanted response</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just listen</source>
        <comment>wanted response</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <comment>action owner</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Them</source>
        <comment>action owner</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <comment>topic state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discussed</source>
        <comment>topic state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried over</source>
        <comment>topic state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mood recorded</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · Very low</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Low</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Okay</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 · Good</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 · Great</source>
        <comment>mood</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>key -&gt; (module under taiwa.ui, class name) Pages in the left navigation, in order (detail pages highlight their parent). The app locked (reason: &quot;manual&quot;, &quot;idle&quot;, &quot;suspend&quot;, &quot;screen_locked&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privacy mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Taiwa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <extracomment>Actions that need an unlocked vault.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes, topics, actions (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
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
        <source>Taiwa — Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy mode — private notes, signals and other people&apos;s data are hidden. Press {keys} to show them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Locks after %n minute(s) without activity.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic lock is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import calendar files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Meetings</source>
        <extracomment>A meeting&apos;s fields were written (meeting id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings of this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new meeting with this person (open topics and action items are carried over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a person and choose a meeting, or start a new one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is this 1on1 for today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They want me to:</source>
        <extracomment>Label before the choice of advise / think together / just listen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They would like advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They would like to think it through together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They would like to be listened to, without advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood, 1 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topics yet. Type one below (Ctrl+T) or pick from the question bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda topics by theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme of the new topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New topic (Ctrl+T), Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topics from the question bank (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action items. Add the next steps you agree on below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner of the new action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action item (Ctrl+Shift+A), Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date</source>
        <extracomment>Shown in the due-date field of a new action item when no date is chosen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date of the new action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shared notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you talked about — fine to show them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private notes are hidden in privacy mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle done / discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <extracomment>Autosave status: everything typed is in the vault.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what they want</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark action item done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoodChart</name>
    <message>
        <source>Mood trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mood recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewRecoveryDialog</name>
    <message>
        <source>New recovery secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a recovery passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current recovery code or passphrase stops opening this vault. Backups made before keep opening with the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase (at least {n} characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have kept my recovery code somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">閉じる</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path} (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Internal error ({kind}). Nothing was changed by the failed step.</source>
        <extracomment>Bumped by :func:`invalidate_pending` (at every lock); results of older ops are dropped.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, role, team or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy mode: only the person you have open is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No people yet. Add the people you hold 1on1s with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Hanako Sato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate several with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to recognise this person&apos;s 1on1s in calendar files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <extracomment>Start date field of a person when no date is set.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Suffix after the cadence number: &quot;every 14 days&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do they want to be in a few years?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Started on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1on1 &amp;every:</source>
        <extracomment>Label: how often to hold a 1on1 with this person.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Career goals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>&amp;New meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a meeting now; open topics and action items are carried over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meetings yet. Start one with New meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do they want to be in a few years? What do they want to learn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open action items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1on1 every %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No topics in the last twelve months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No career topic in twelve months — worth raising next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostly %1 topics (%2 %). Balance with growth and career?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 topics in twelve months.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>New meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is the 1on1 with?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter by name or team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No people yet. Add your direct reports on the People page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivateNotesPanel</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Private notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you see these. Hidden in privacy mode, left out of exports unless you choose otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own observations, never shared…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionBankDialog</name>
    <message>
        <source>Add from the question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more questions (Ctrl+click) and press Add. Edit the bank in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateGauge</name>
    <message>
        <source>No 1on1s planned in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 held · target %3 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Taiwa — recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With this code you can open your vault if the system keyring loses its key, or restore a backup on a new computer. Anyone holding it and your vault or a backup can read your notes: keep it somewhere safe, away from the laptop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup becomes your vault. The vault now in {folder} is not deleted: it is moved aside to a folder next to it, named “…-replaced-” and the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished">選択…</translation>
    </message>
    <message>
        <source>Recovery code or passphrase of the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa backups (*.taiwa-backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes, topics, action items and goals — Japanese works without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy mode: only the open person is searched, without private notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search. Private notes are included while privacy mode is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results: %1 so far — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa also locks when the screen locks or the computer sleeps, and with Ctrl+L.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default 1on1 cadence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often you meet a new person unless you set another cadence for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calendar e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are left out when Taiwa looks for the one other attendee of a 1on1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles that mean a 1on1
(one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles that never do
(one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your recovery code, for example if someone may have seen it. Backups made before keep opening with the old code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a passphrase instead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is one encrypted file that opens with your recovery code alone, also on a new computer. Keep it on another disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your system keyring ({where}). Taiwa opens without a password while you are logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nowhere: this vault opens only with its passphrase (passphrase-only mode).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (focus the search field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy mode on/off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import calendar (.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished">PDF に書き出す</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo / redo in a text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
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
</context>
<context>
    <name>ThemeBalanceBars</name>
    <message>
        <source>Theme balance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>No system keyring could be reached on this computer, so Taiwa cannot fetch the vault&apos;s key.</source>
        <extracomment>Failures the recovery code can get past (the key is gone or unreachable, not the data). Failures only a backup can fix.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with your recovery code below. Your notes are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked, so Taiwa cannot fetch the vault&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your keyring (log in to your desktop session) and press Try again, or use your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring has no key for this vault. It may have been reset, or this is a new computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your recovery code: Taiwa opens the vault and puts the key back into the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key stored in the keyring does not open this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your recovery code: Taiwa opens the vault and stores the right key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That recovery code or passphrase is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it and type it again (dashes and spaces do not matter). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault keeps no key in the keyring: it opens with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase (or recovery code) below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is already open in another Taiwa window or process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the other one, then press Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s database file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was left untouched. Restore your vault from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s database file is damaged, or the key does not match it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was left untouched. Try your recovery code; if that fails too, restore from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s database file is an unencrypted SQLite file, not a Taiwa vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was left untouched. Move it away and restore your vault from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault folder has its header but no database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore your vault from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s header file (vault.json) is damaged or unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault folder cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions and the free disk space, then press Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space, then press Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy of Taiwa was built with an SQLCipher that is not version 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstall Taiwa from its official package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Taiwa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Taiwa to open it. The vault was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault in this folder any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore your vault from a backup, or check that the vault&apos;s drive is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Try again, or use your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwa is locked</source>
        <extracomment>The vault is open (the :class:`~taiwa.vault.service.VaultDatabase`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code you saved or printed when the vault was created. Dashes and spaces do not matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault keeps no key in the keyring. Type its passphrase (or recovery code) to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase or recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after a few minutes without activity. Your notes were saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked because the computer went to sleep. Your notes were saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked together with your screen. Your notes were saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked. Your notes were saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Unlock (Enter) to open your vault with the key in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the key from your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is still closed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
