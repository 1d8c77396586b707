<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Taiwa</source>
        <translation>Taiwa について</translation>
    </message>
    <message>
        <source>Taiwa {version}</source>
        <translation>Taiwa {version}</translation>
    </message>
    <message>
        <source>Confidential 1on1 notes for managers, encrypted on this laptop. No server, no account, no telemetry: nothing leaves this computer unless you export it.

Japanese text is shown with IPAex Gothic (IPA Font License v1.0).</source>
        <translation>マネージャーのための 1on1 記録。内容はこのノートパソコン上で暗号化して保管します。サーバーもアカウントもテレメトリーもなく、あなたが書き出さない限り、何もこのパソコンの外に出ません。

日本語の表示には IPAex ゴシック（IPA フォントライセンス v1.0）を使用しています。</translation>
    </message>
</context>
<context>
    <name>ActionItemDelegate</name>
    <message>
        <source>No due date</source>
        <extracomment>Due-date editor of an action item: the value meaning &quot;no due date&quot;.</extracomment>
        <translation>期限なし</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Read the report&apos;s answer</source>
        <translation>メンバーの回答を読み込む</translation>
    </message>
    <message>
        <source>Paste the mail or message that holds the answer block, or open or drop the file the report sent. Nothing is added until you confirm.</source>
        <translation>回答ブロックを含むメールやメッセージを貼り付けるか、メンバーから届いたファイルを開くかドロップしてください。確認するまで何も追加されません。</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>回答のテキスト</translation>
    </message>
    <message>
        <source>What will be added</source>
        <translation>追加される内容</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Add to the agenda</source>
        <translation>アジェンダに追加(&amp;A)</translation>
    </message>
    <message>
        <source>Open the answer</source>
        <translation>回答を開く</translation>
    </message>
    <message>
        <source>Text files (*.txt *.eml)</source>
        <translation>テキストファイル (*.txt *.eml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot read the file.</source>
        <translation>ファイルを読めません。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) for a new planned 1on1 on {when}:</source>
        <translation>
            <numerusform>{when} の新しい 1on1（予定）に %n 件を追加します：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) for the next 1on1 on {when}:</source>
        <translation>
            <numerusform>{when} の次回の 1on1 に %n 件を追加します：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchivedPeopleDialog</name>
    <message>
        <source>Archived people</source>
        <translation>アーカイブしたメンバー</translation>
    </message>
    <message>
        <source>Archived people are off the dashboard and the lists; their records are kept, and search finds them.</source>
        <translation>アーカイブしたメンバーはダッシュボードと一覧に表示されません。記録は残り、検索で見つかります。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unarchive</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <source>(archived %1)</source>
        <extracomment>After a name in the list of archived people: &quot;(archived 2026-12-03)&quot;.</extracomment>
        <translation>（%1 にアーカイブ）</translation>
    </message>
    <message>
        <source>Nobody is archived.</source>
        <translation>アーカイブしたメンバーはいません。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Backup written</source>
        <translation>バックアップを作成しました</translation>
    </message>
    <message>
        <source>The backup was written to {path}. It is encrypted and opens with your recovery code (or passphrase) alone — keep it on another disk.</source>
        <translation>バックアップを {path} に作成しました。暗号化されており、リカバリーコード（またはパスフレーズ）だけで開けます。別のディスクに保管してください。</translation>
    </message>
    <message>
        <source>Vault restored</source>
        <translation>保管庫を復元しました</translation>
    </message>
    <message>
        <source>The backup was restored and opened.</source>
        <translation>バックアップを復元して開きました。</translation>
    </message>
</context>
<context>
    <name>ConfirmActions</name>
    <message>
        <source>Mark held</source>
        <translation>実施済みにする</translation>
    </message>
    <message>
        <source>Mark cancelled</source>
        <translation>中止にする</translation>
    </message>
    <message>
        <source>Mark skipped</source>
        <translation>スキップにする</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Taiwa — unexpected error</source>
        <translation>Taiwa — 予期しないエラー</translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation>予期しない問題が発生しました</translation>
    </message>
    <message>
        <source>The step you took did not finish ({kind}). Everything saved before it is safe in the vault. If it happens again, please report the error name shown here — it contains none of your notes.</source>
        <translation>操作を完了できませんでした（{kind}）。それまでに保存した内容は保管庫に安全に残っています。繰り返し起きる場合は、ここに表示されたエラー名をお知らせください。記録の内容は含まれていません。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation>実施率</translation>
    </message>
    <message>
        <source>This month</source>
        <extracomment>Execution rate gauge title: the current calendar month.</extracomment>
        <translation>今月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <extracomment>Execution rate gauge title: the current calendar quarter.</extracomment>
        <translation>今四半期</translation>
    </message>
    <message>
        <source>1on1s held ÷ planned (calendar and cadence). The line marks the 90 % target.</source>
        <translation>実施した 1on1 ÷ 予定（カレンダーと実施間隔）。線は目標の 90 % です。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>People overdue for a 1on1</source>
        <translation>1on1 の間隔が空きすぎている人</translation>
    </message>
    <message>
        <source>Nobody is overdue. Well done.</source>
        <translation>期限を過ぎている人はいません。順調です。</translation>
    </message>
    <message>
        <source>Upcoming 1on1s — next two weeks</source>
        <translation>今後の 1on1 — 2 週間以内</translation>
    </message>
    <message>
        <source>Upcoming 1on1s</source>
        <translation>今後の 1on1</translation>
    </message>
    <message>
        <source>Signals — for your eyes only</source>
        <translation>気になるサイン — あなただけに表示</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>気になるサイン</translation>
    </message>
    <message>
        <source>No signals right now.</source>
        <translation>いまは気になるサインはありません。</translation>
    </message>
    <message>
        <source>Prompts to ask, never a score about the person.</source>
        <translation>声をかけるきっかけです。その人の評価ではありません。</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未完了のアクション</translation>
    </message>
    <message>
        <source>My open action items</source>
        <translation>自分の未完了アクション</translation>
    </message>
    <message>
        <source>Their open action items</source>
        <translation>メンバーの未完了アクション</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Privacy mode is on: names, action items and signals are hidden. Turn it off to see them again.</source>
        <translation>プライバシーモード中：名前・アクション・サインを隠しています。解除すると再び表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n past 1on1(s) from the calendar wait for confirmation; not counted yet.</source>
        <translation>
            <numerusform>カレンダーの過去の 1on1 %n 件が確認待ちです（まだ数えていません）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>期限超過（%1）</translation>
    </message>
    <message>
        <source>Signals — for your eyes only (%1)</source>
        <translation>気になるサイン — あなただけに表示（%1）</translation>
    </message>
    <message>
        <source>Mine (%1)</source>
        <translation>自分（%1）</translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation>メンバー（%1）</translation>
    </message>
</context>
<context>
    <name>DraftsBar</name>
    <message>
        <source>Unsaved text</source>
        <extracomment>A draft write failed (the exception); it is retried at the next change, or after ``RETRY_MS`` if nothing changes. Restore finished: meeting ids and person ids written or to open, and the person form reopened (a person id, 0 for a new person, -1 for none). Discard finished.</extracomment>
        <translation>未保存の入力</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>Put the text back where it was typed</source>
        <translation>入力していた場所にテキストを戻します</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>破棄(&amp;I)</translation>
    </message>
    <message>
        <source>Delete the unsaved text</source>
        <translation>保存されていない入力を削除します</translation>
    </message>
    <message numerus="yes">
        <source>Taiwa closed or locked before %n typed text(s) were saved. Restore them?</source>
        <translation>
            <numerusform>保存される前に Taiwa が終了またはロックされた入力が %n 件あります。復元しますか？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueCard</name>
    <message>
        <source>Due before the next 1on1</source>
        <translation>次回 1on1 までが期限</translation>
    </message>
    <message>
        <source>Action items due before the next 1on1</source>
        <translation>次回 1on1 までが期限のアクション</translation>
    </message>
    <message>
        <source>Nothing falls due before the next 1on1s.</source>
        <translation>次回の 1on1 までが期限のアクションはありません。</translation>
    </message>
    <message>
        <source>Due before the next 1on1 (%1)</source>
        <translation>次回 1on1 までが期限（%1）</translation>
    </message>
    <message>
        <source>Next 1on1</source>
        <translation>次回 1on1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <source>Writes taiwa.json (everything, for importing into Taiwa again), actions.csv and one Markdown note per meeting, readable without Taiwa. Signals are never exported.</source>
        <translation>taiwa.json（すべて。Taiwa に取り込み直すためのもの）、actions.csv、ミーティングごとの Markdown ノートを書き出します。Taiwa がなくても読めます。シグナルは書き出しません。</translation>
    </message>
    <message>
        <source>The whole vault</source>
        <translation>保管庫全体</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>対象(&amp;W):</translation>
    </message>
    <message>
        <source>(no folder chosen)</source>
        <translation>（フォルダー未選択）</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>フォルダーを選ぶ(&amp;C)…</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>書き出し先:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Include &amp;private notes and mood</source>
        <translation>非公開メモと気分を含める(&amp;P)</translation>
    </message>
    <message>
        <source>Warning: the files will hold your private notes and mood, unencrypted. Keep them to yourself and delete them when done.</source>
        <translation>注意：ファイルには非公開メモと気分が暗号化されずに入ります。他人に渡さず、用が済んだら削除してください。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出す(&amp;E)</translation>
    </message>
    <message>
        <source>Export data into</source>
        <translation>書き出し先のフォルダー</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Meetings (one Markdown note each)</source>
        <translation>ミーティング（それぞれ Markdown ノート 1 件）</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>アクションアイテム</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Export cancelled. No file was left behind.</source>
        <translation>書き出しを中止しました。ファイルは残っていません。</translation>
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
        <source>Only what both of you saw: no private notes, no mood, no signals.</source>
        <translation>双方が確認した内容のみ：非公開メモ・気分・シグナルは含みません。</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>プライバシー</translation>
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
        <source>Summary of this &amp;meeting</source>
        <translation>このミーティングのサマリー(&amp;M)</translation>
    </message>
    <message>
        <source>Summary of the person &amp;over a period</source>
        <translation>期間を指定したメンバーのサマリー(&amp;O)</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>期間(&amp;R)：</translation>
    </message>
    <message>
        <source>Shared with the person</source>
        <translation>本人と共有</translation>
    </message>
    <message>
        <source>For HR</source>
        <translation>人事提出</translation>
    </message>
    <message>
        <source>No private notes and no mood.</source>
        <translation>非公開メモと気分は含みません。</translation>
    </message>
    <message>
        <source>Manager only, confidential</source>
        <translation>上長のみ・社外秘</translation>
    </message>
    <message>
        <source>Mood and signals; private notes only if ticked below.</source>
        <translation>気分とシグナルを含みます。非公開メモは下でチェックした場合のみ含みます。</translation>
    </message>
    <message>
        <source>Hand-over to the next manager</source>
        <translation>次の上長への引き継ぎ</translation>
    </message>
    <message>
        <source>No private notes, no mood, no signals.</source>
        <translation>非公開メモ・気分・シグナルは含みません。</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>対象(&amp;F)：</translation>
    </message>
    <message>
        <source>Include private &amp;notes</source>
        <translation>非公開メモを含める(&amp;N)</translation>
    </message>
    <message>
        <source>Protect the PDF with a pass&amp;word (AES-256)</source>
        <translation>PDF をパスワードで保護する（AES-256）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Language of the PDF:</source>
        <translation>PDF の言語(&amp;L)：</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>用紙(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存先(&amp;S)：</translation>
    </message>
    <message>
        <source>Open a person or a meeting first: a PDF is about one of them.</source>
        <translation>まずメンバーかミーティングを開いてください。PDF はそのどちらかについて作成します。</translation>
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
        <source>• Warning: these characters cannot be shown and print as 〓 or ?: {chars}</source>
        <translation>• 注意：次の文字は表示できないため 〓 または ? で印字されます：{chars}</translation>
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
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Replace the file?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>Import calendar files</source>
        <translation>カレンダーファイルを取り込む</translation>
    </message>
    <message>
        <source>Save PDF as</source>
        <translation>PDF の保存先</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>保管庫のバックアップ</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>バックアップを選ぶ</translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation>リカバリーコードを保存</translation>
    </message>
    <message>
        <source>Open roll-up files</source>
        <translation>ロールアップファイルを開く</translation>
    </message>
    <message>
        <source>Save the roll-up as</source>
        <translation>ロールアップの保存先</translation>
    </message>
    <message>
        <source>Save CSV as</source>
        <translation>CSV の保存先</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Taiwa backups (*.taiwa-backup)</source>
        <translation>Taiwa のバックアップ (*.taiwa-backup)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>テキストファイル (*.txt)</translation>
    </message>
    <message>
        <source>Taiwa roll-ups (*.json)</source>
        <translation>Taiwa ロールアップ (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} はすでにあります。置き換えますか？</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Taiwa</source>
        <translation>Taiwa へようこそ</translation>
    </message>
    <message>
        <source>Stricter: keep no key in the keyring and ask for a passphrase at every start.</source>
        <translation>より厳格な方式：キーリングに鍵を保存せず、起動のたびにパスフレーズを入力します。</translation>
    </message>
    <message>
        <source>Passphrase (at least {n} characters)</source>
        <translation>パスフレーズ（{n} 文字以上）</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>同じパスフレーズをもう一度</translation>
    </message>
    <message>
        <source>This passphrase is also your recovery secret: without it the notes cannot be opened by anyone, including you.</source>
        <translation>このパスフレーズはリカバリー用の秘密情報も兼ねます。忘れると、あなたも含めて誰も記録を開けなくなります。</translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation>保管庫のフォルダー：{folder}</translation>
    </message>
    <message>
        <source>&amp;Passphrase only</source>
        <translation>パスフレーズのみ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>保管庫を作成</translation>
    </message>
    <message>
        <source>your system keyring</source>
        <translation>システムのキーリング</translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted vault on this computer, and its key is kept in {where} so Taiwa opens without a password while you are logged in. The key never goes into a file, so a copied vault folder or a lost backup cannot be read without your login or your recovery code.</source>
        <translation>記録はこのパソコン上の暗号化された保管庫に保存され、その鍵は{where}に保管されます。そのため、ログインしている間はパスワードなしで Taiwa を開けます。鍵はファイルには書き出されないので、保管庫のフォルダーがコピーされたりバックアップを紛失したりしても、あなたのログインかリカバリーコードがなければ読めません。</translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted vault on this computer. No system keyring is available here, so the vault will open with a passphrase you choose; it is never stored anywhere.</source>
        <translation>記録はこのパソコン上の暗号化された保管庫に保存されます。このパソコンではシステムのキーリングが使えないため、保管庫はあなたが決めたパスフレーズで開きます。パスフレーズはどこにも保存されません。</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>リカバリーコード</translation>
    </message>
    <message>
        <source>With this code — and only with it — you can open your vault if the keyring loses its key, or restore a backup on a new computer. Save or print it now and keep it away from this laptop; Taiwa will not show it again.</source>
        <translation>キーリングから鍵が失われたときや、新しいパソコンでバックアップを復元するときは、このコードが必要です（このコード以外に方法はありません）。今すぐ保存または印刷し、このノートパソコンとは別の場所に保管してください。このコードは二度と表示されません。</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>I have &amp;kept my recovery code somewhere safe</source>
        <translation>リカバリーコードを安全な場所に保管しました(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Open Taiwa</source>
        <translation>Taiwa を開く(&amp;O)</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another place.</source>
        <translation>ファイルを書き込めませんでした。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Saved to {path} (readable only by you).</source>
        <translation>{path} に保存しました（あなただけが読めます）。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>プリンターに送信しました。</translation>
    </message>
    <message>
        <source>Printing failed. Save the code to a file instead.</source>
        <translation>印刷できませんでした。代わりにファイルに保存してください。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand-over</source>
        <translation>引き継ぎ</translation>
    </message>
    <message>
        <source>The shared history of one person for their next manager: profile, career goals, meetings with their topics and shared notes, and action items. Never private notes, mood or signals.</source>
        <translation>次の上長に引き継ぐ、1 人分の共有済みの記録です（プロフィール、キャリアの目標、ミーティングの話題と共有メモ、アクションアイテム）。非公開メモ・気分・シグナルは含みません。</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>相手(&amp;P):</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown ファイル (*.md)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Save the hand-over as</source>
        <translation>引き継ぎ資料の保存先</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
</context>
<context>
    <name>ImportDataDialog</name>
    <message>
        <source>Import data</source>
        <translation>データの取り込み</translation>
    </message>
    <message>
        <source>Import a Taiwa JSON file (taiwa.json or an export folder), a CSV of people (name, email, role, team, start date) or a folder of Markdown notes with front matter (Obsidian). Nothing is written until you press Import, and then everything or nothing. People already in the vault (same e-mail, else same name) are matched, not duplicated.</source>
        <translation>Taiwa の JSON ファイル（taiwa.json か書き出したフォルダー）、人の CSV（name, email, role, team, start date）、フロントマター付き Markdown ノートのフォルダー（Obsidian）を取り込みます。「取り込む」を押すまで何も書き込まず、書き込むときはすべてか何もしないかのどちらかです。保管庫にいる人（同じメールアドレス、なければ同じ名前）は照合され、重複しません。</translation>
    </message>
    <message>
        <source>(nothing chosen)</source>
        <translation>（未選択）</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>ファイルを選ぶ(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>フォルダーを選ぶ(&amp;O)…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人</translation>
    </message>
    <message>
        <source>In the vault</source>
        <translation>保管庫では</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Problems (nothing will be imported):</source>
        <translation>問題（何も取り込みません）:</translation>
    </message>
    <message>
        <source>This input holds private notes or mood; they are imported as private.</source>
        <translation>この入力には非公開メモか気分が含まれています。非公開として取り込みます。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>Import data from</source>
        <translation>取り込むファイル・フォルダー</translation>
    </message>
    <message>
        <source>Taiwa JSON or people CSV (*.json *.csv)</source>
        <translation>Taiwa の JSON または人の CSV (*.json *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <source>New people: {people_new}, already in the vault: {people_matched}. Meetings: {meetings_new} new, {meetings_skipped} already there. Topics: {topics_new}. Action items: {actions_new} new, {actions_skipped} already there.</source>
        <translation>新しい人：{people_new} 人、登録済みの人：{people_matched} 人。ミーティング：新規 {meetings_new} 件、登録済み {meetings_skipped} 件。話題：{topics_new} 件。アクションアイテム：新規 {actions_new} 件、登録済み {actions_skipped} 件。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>登録済み</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was written.</source>
        <translation>取り込みを中止しました。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>Imported. New people: {people}, meetings: {meetings}, topics: {topics}, action items: {actions}.</source>
        <translation>取り込みました。新しい人：{people} 人、ミーティング：{meetings} 件、話題：{topics} 件、アクションアイテム：{actions} 件。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import calendar</source>
        <extracomment>After Cancel, how long the dialog waits for the worker to stop before it closes anyway.</extracomment>
        <translation>カレンダーを取り込む</translation>
    </message>
    <message>
        <source>Files: {names}</source>
        <translation>ファイル：{names}</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>your e-mail address in the calendar</source>
        <translation>カレンダーでのあなたのメールアドレス</translation>
    </message>
    <message>
        <source>Privacy mode is on: names and meeting titles are hidden in this preview.</source>
        <translation>プライバシーモード中のため、このプレビューでは名前と件名を隠しています。</translation>
    </message>
    <message>
        <source>Person / date</source>
        <translation>メンバー／日付</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Problems (these events are not imported):</source>
        <translation>問題（これらの予定は取り込みません）：</translation>
    </message>
    <message>
        <source>Import the events that could be read and skip the ones with problems</source>
        <translation>読み取れた予定を取り込み、問題のある予定は飛ばす</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Reading the calendar…</source>
        <translation>カレンダーを読み込んでいます…</translation>
    </message>
    <message>
        <source>Unknown: enter your address, then update the preview.</source>
        <translation>不明です。あなたのアドレスを入力してから、プレビューを更新してください。</translation>
    </message>
    <message>
        <source>Guessed (the address in most events). Correct it if it is not yours.</source>
        <translation>推定しました（多くの予定に含まれるアドレス）。あなたのものでなければ修正してください。</translation>
    </message>
    <message>
        <source>As entered; remembered once you import.</source>
        <translation>入力したとおりです。取り込むと記憶されます。</translation>
    </message>
    <message>
        <source>Remembered from an earlier import.</source>
        <translation>前回の取り込みで記憶したアドレスです。</translation>
    </message>
    <message>
        <source>add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止済み</translation>
    </message>
    <message>
        <source>Series {n}</source>
        <translation>繰り返し {n}</translation>
    </message>
    <message>
        <source>Who is this? {title}</source>
        <translation>この人は誰ですか？ {title}</translation>
    </message>
    <message>
        <source>{add} to add, {update} to update, {cancel} to cancel</source>
        <translation>追加 {add} 件、更新 {update} 件、中止 {cancel} 件</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>New person: {name} &lt;{email}&gt;</source>
        <translation>新しいメンバー：{name} &lt;{email}&gt;</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>期間(&amp;R)：</translation>
    </message>
    <message>
        <source>Calendar &amp;owner:</source>
        <translation>カレンダーの持ち主(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Update preview</source>
        <translation>プレビューを更新(&amp;U)</translation>
    </message>
    <message>
        <source>Tick to add this person and import their 1on1s.</source>
        <translation>チェックするとこのメンバーを追加し、その 1on1 を取り込みます。</translation>
    </message>
    <message>
        <source>Will add {added}, update {updated}, cancel {cancelled}, leave {skipped} unchanged.</source>
        <translation>追加 {added} 件、更新 {updated} 件、中止 {cancelled} 件、変更なし {skipped} 件になります。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <source>Imported: added {added}, updated {updated}, cancelled {cancelled}, left {skipped} unchanged.</source>
        <translation>取り込みました：追加 {added} 件、更新 {updated} 件、中止 {cancelled} 件、変更なし {skipped} 件。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Work</source>
        <comment>topic theme</comment>
        <translation>業務</translation>
    </message>
    <message>
        <source>Growth</source>
        <comment>topic theme</comment>
        <translation>成長</translation>
    </message>
    <message>
        <source>Career</source>
        <comment>topic theme</comment>
        <translation>キャリア</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <comment>topic theme</comment>
        <translation>コンディション</translation>
    </message>
    <message>
        <source>Feedback</source>
        <comment>topic theme</comment>
        <translation>フィードバック</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>topic theme</comment>
        <translation>その他</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>meeting status</comment>
        <translation>予定</translation>
    </message>
    <message>
        <source>Held</source>
        <comment>meeting status</comment>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>meeting status</comment>
        <translation>中止</translation>
    </message>
    <message>
        <source>Skipped</source>
        <comment>meeting status</comment>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Not set</source>
        <comment>wanted response</comment>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Advise</source>
        <comment>wanted response</comment>
        <translation>助言がほしい</translation>
    </message>
    <message>
        <source>Think together</source>
        <comment>wanted response</comment>
        <translation>一緒に考えたい</translation>
    </message>
    <message>
        <source>Just listen</source>
        <comment>wanted response</comment>
        <translation>聞いてほしい</translation>
    </message>
    <message>
        <source>Me</source>
        <comment>action owner</comment>
        <translation>自分</translation>
    </message>
    <message>
        <source>Them</source>
        <comment>action owner</comment>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>topic state</comment>
        <translation>未着手</translation>
    </message>
    <message>
        <source>Discussed</source>
        <comment>topic state</comment>
        <translation>話した</translation>
    </message>
    <message>
        <source>Carried over</source>
        <comment>topic state</comment>
        <translation>持ち越し</translation>
    </message>
    <message>
        <source>No mood recorded</source>
        <comment>mood</comment>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>1 · Very low</source>
        <comment>mood</comment>
        <translation>1 · とても低い</translation>
    </message>
    <message>
        <source>2 · Low</source>
        <comment>mood</comment>
        <translation>2 · 低い</translation>
    </message>
    <message>
        <source>3 · Okay</source>
        <comment>mood</comment>
        <translation>3 · ふつう</translation>
    </message>
    <message>
        <source>4 · Good</source>
        <comment>mood</comment>
        <translation>4 · 良い</translation>
    </message>
    <message>
        <source>5 · Great</source>
        <comment>mood</comment>
        <translation>5 · とても良い</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Delete this meeting for good? Its notes, topics and drafts are erased from this vault; its action items stay with the person. This cannot be undone.</source>
        <translation>このミーティングを完全に削除しますか？メモ・話題・下書きがこの保管庫から消去されます。アクションアイテムはそのメンバーに残ります。元に戻せません。</translation>
    </message>
    <message>
        <source>Delete this action item for good? This cannot be undone.</source>
        <translation>このアクションアイテムを完全に削除しますか？元に戻せません。</translation>
    </message>
    <message>
        <source>Earlier backups still hold this data. This vault knows of no backup; check any copies you made.</source>
        <translation>以前のバックアップにはこのデータが残っています。この保管庫が把握しているバックアップはありません。ご自身で作ったコピーを確認してください。</translation>
    </message>
    <message>
        <source>&amp;Delete for good</source>
        <translation>完全に削除(&amp;D)</translation>
    </message>
    <message>
        <source>Move meeting</source>
        <translation>ミーティングの移動</translation>
    </message>
    <message>
        <source>Move this meeting, its topics and the action items agreed in it to:</source>
        <translation>このミーティングと、その話題・そこで決めたアクションアイテムの移動先:</translation>
    </message>
    <message>
        <source>Retention rule applied</source>
        <translation>保存期間のルールを適用しました</translation>
    </message>
    <message>
        <source>Earlier backups still hold this data; delete or replace them too if it must be gone everywhere. Backups this vault knows of:</source>
        <translation>以前のバックアップにはこのデータが残っています。すべてから消す必要がある場合は、バックアップも削除するか作り直してください。この保管庫が把握しているバックアップ:</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>メンバーの削除</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>ミーティングを削除</translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation>アクションアイテムの削除</translation>
    </message>
    <message>
        <source>There is nobody else to move this meeting to.</source>
        <translation>このミーティングの移動先になるメンバーがほかにいません。</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>メンバーを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Archive person</source>
        <translation>メンバーをアーカイブ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete person for good…</source>
        <translation>メンバーを完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Move meeting to another person…</source>
        <translation>ミーティングを別のメンバーに移動(&amp;M)…</translation>
    </message>
    <message>
        <source>A&amp;rchived people…</source>
        <translation>アーカイブしたメンバー(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Unarchive person</source>
        <translation>メンバーを元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>The retention rule erased %1 archived people whose retention period was over.</source>
        <translation>保存期間のルールにより、期間を過ぎたアーカイブ済みのメンバー %1 人を消去しました。</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…ほか %1 件</translation>
    </message>
    <message>
        <source>Delete %1 for good? Their %2 meetings, action items, notes, calendar links and drafts are erased from this vault. This cannot be undone.</source>
        <translation>%1 さんを完全に削除しますか？ミーティング %2 件とアクションアイテム・メモ・カレンダーとの関連・下書きがこの保管庫から消去されます。元に戻せません。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>People</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;New meeting…</source>
        <translation>新しいミーティング(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import calendar…</source>
        <translation>カレンダーを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Prepare 1on1 or recap…</source>
        <translation>1on1 の準備・まとめ(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>データを書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>I&amp;mport data…</source>
        <translation>データを取り込む(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Hand-over…</source>
        <translation>引き継ぎ資料(&amp;H)…</translation>
    </message>
    <message>
        <source>Export roll-&amp;up…</source>
        <translation>ロールアップを書き出す(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Roll-ups…</source>
        <translation>ロールアップ(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Privacy mode</source>
        <translation>プライバシーモード(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>ダッシュボード(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>メンバー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索欄へ移動(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>進む(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Taiwa</source>
        <translation>Taiwa について(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Back out</source>
        <translation>一覧から戻る</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Search notes, topics, actions (Ctrl+F)</source>
        <translation>メモ・議題・アクションを検索（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>Pers&amp;on</source>
        <translation>メンバー(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Taiwa — Locked</source>
        <translation>Taiwa — ロック中</translation>
    </message>
    <message>
        <source>Privacy mode — private notes, signals and other people&apos;s data are hidden. Press {keys} to show them again.</source>
        <translation>プライバシーモード — 非公開メモ・サイン・ほかのメンバーの情報を隠しています。{keys} で再表示します。</translation>
    </message>
    <message numerus="yes">
        <source>Locks after %n minute(s) without activity.</source>
        <translation>
            <numerusform>操作がないまま %n 分たつとロックします。</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic lock is off.</source>
        <translation>自動ロックはオフです。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF を書き出す</translation>
    </message>
    <message>
        <source>Open a person or a meeting first, then export it as a PDF (Ctrl+E).</source>
        <translation>まずメンバーかミーティングを開いてから、PDF に書き出してください（Ctrl+E）。</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Meetings</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>Meetings of this person</source>
        <translation>このメンバーのミーティング</translation>
    </message>
    <message>
        <source>&amp;New meeting</source>
        <translation>新しいミーティング(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new meeting with this person (open topics and action items are carried over)</source>
        <translation>このメンバーとの新しいミーティングを始めます（未完了の議題とアクションは引き継がれます）</translation>
    </message>
    <message>
        <source>Open a person and choose a meeting, or start a new one with Ctrl+N.</source>
        <extracomment>A meeting&apos;s fields were written (meeting id).</extracomment>
        <translation>メンバーを開いてミーティングを選ぶか、Ctrl+N で新しいミーティングを始めてください。</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>日時(&amp;W)：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状態(&amp;T)：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation>PDF を書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <source>What is this 1on1 for today?</source>
        <translation>今日の 1on1 の目的は？</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>They want me to:</source>
        <translation>メンバーの希望：</translation>
    </message>
    <message>
        <source>They would like advice</source>
        <translation>助言がほしい</translation>
    </message>
    <message>
        <source>They would like to think it through together</source>
        <translation>一緒に考えたい</translation>
    </message>
    <message>
        <source>They would like to be listened to, without advice</source>
        <translation>助言なしで話を聞いてほしい</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>コンディション：</translation>
    </message>
    <message>
        <source>Mood, 1 to 5</source>
        <translation>コンディション（1〜5）</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>アジェンダ</translation>
    </message>
    <message>
        <source>No topics yet. Type one below (Ctrl+T) or pick from the question bank.</source>
        <translation>議題はまだありません。下の欄に入力する（Ctrl+T）か、質問集から選んでください。</translation>
    </message>
    <message>
        <source>Agenda topics by theme</source>
        <translation>テーマ別のアジェンダ</translation>
    </message>
    <message>
        <source>Theme of the new topic</source>
        <translation>新しい議題のテーマ</translation>
    </message>
    <message>
        <source>New topic (Ctrl+T), Enter to add</source>
        <translation>新しい議題（Ctrl+T）、Enter で追加</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>新しい議題</translation>
    </message>
    <message>
        <source>&amp;Question bank…</source>
        <translation>質問集(&amp;Q)…</translation>
    </message>
    <message>
        <source>Add topics from the question bank (Ctrl+Shift+T)</source>
        <translation>質問集から議題を追加（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>No action items. Add the next steps you agree on below.</source>
        <translation>アクションはありません。合意した次の一歩を下の欄に追加してください。</translation>
    </message>
    <message>
        <source>Owner of the new action item</source>
        <translation>新しいアクションの担当</translation>
    </message>
    <message>
        <source>New action item (Ctrl+Shift+A), Enter to add</source>
        <translation>新しいアクション（Ctrl+Shift+A）、Enter で追加</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>新しいアクション</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <source>Due date of the new action item</source>
        <translation>新しいアクションの期限</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete this meeting for good (Shift+Del in the list)</source>
        <translation>このミーティングを完全に削除します（一覧で Shift+Del）</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>ミーティングを削除</translation>
    </message>
    <message>
        <source>&amp;Shared notes</source>
        <translation>共有メモ(&amp;S)</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>共有メモ</translation>
    </message>
    <message>
        <source>What you talked about — fine to show them.</source>
        <translation>話した内容 — 本人に見せても問題ないメモ。</translation>
    </message>
    <message>
        <source>Private notes are hidden in privacy mode.</source>
        <translation>プライバシーモード中は非公開メモを隠しています。</translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation>議題を追加</translation>
    </message>
    <message>
        <source>Add from question bank</source>
        <translation>質問集から追加</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>アクションを追加</translation>
    </message>
    <message>
        <source>Toggle done / discussed</source>
        <translation>完了／話した を切り替え</translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation>議題を削除</translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation>アクションを削除</translation>
    </message>
    <message>
        <source>Move to theme</source>
        <translation>テーマを移動</translation>
    </message>
    <message>
        <source>Previous meeting</source>
        <translation>前のミーティング</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>次のミーティング</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>from the calendar</source>
        <translation>カレンダーから</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>編集中…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Change mood</source>
        <translation>コンディションの変更</translation>
    </message>
    <message>
        <source>Change what they want</source>
        <translation>希望の変更</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <source>Change date</source>
        <translation>日時の変更</translation>
    </message>
    <message>
        <source>Mark topic</source>
        <translation>議題の状態の変更</translation>
    </message>
    <message>
        <source>Edit topic</source>
        <translation>議題の編集</translation>
    </message>
    <message>
        <source>Move topic</source>
        <translation>議題の移動</translation>
    </message>
    <message>
        <source>Mark action item done</source>
        <translation>アクションを完了にする</translation>
    </message>
    <message>
        <source>Reopen action item</source>
        <translation>アクションを未完了に戻す</translation>
    </message>
    <message>
        <source>Edit action item</source>
        <translation>アクションの編集</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>担当の変更</translation>
    </message>
    <message>
        <source>Change due date</source>
        <translation>期限の変更</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>To confirm</source>
        <comment>meeting status</comment>
        <translation>確認待ち</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>共有メモ</translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>非公開メモ</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>議題</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>アクション</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Career goals</source>
        <translation>キャリアの目標</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Role · Team</source>
        <translation>役割 · チーム</translation>
    </message>
    <message>
        <source>Last met</source>
        <translation>前回の実施</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>次回の目安</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完了アクション</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>コンディション</translation>
    </message>
    <message>
        <source>Topics · Actions</source>
        <translation>議題 · アクション</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Why it may need attention</source>
        <translation>気にかけたい理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Carried over from the previous meeting</source>
        <translation>前回のミーティングから持ち越し</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <source>%1 · %2 d overdue</source>
        <translation>%1 · %2 日超過</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Due by cadence</source>
        <translation>間隔に基づく予定</translation>
    </message>
    <message>
        <source>Overdue by cadence</source>
        <translation>間隔を超過</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>持ち越し</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <source>Carried over from an earlier meeting</source>
        <translation>以前のミーティングから持ち越し</translation>
    </message>
    <message>
        <source>Cadence: every %1 days</source>
        <translation>間隔：%1 日ごと</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 件期限切れ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>%1 (me %2 · them %3)</source>
        <translation>%1（自分 %2 · メンバー %3）</translation>
    </message>
</context>
<context>
    <name>MoodChart</name>
    <message>
        <source>Mood trend</source>
        <translation>コンディションの推移</translation>
    </message>
    <message>
        <source>No mood recorded yet</source>
        <translation>コンディションの記録はまだありません</translation>
    </message>
</context>
<context>
    <name>NewRecoveryDialog</name>
    <message>
        <source>New recovery secret</source>
        <translation>新しいリカバリー情報</translation>
    </message>
    <message>
        <source>Choose a recovery passphrase</source>
        <translation>リカバリーパスフレーズを決める</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新しいリカバリーコード</translation>
    </message>
    <message>
        <source>The current recovery code or passphrase stops opening this vault. Backups made before keep opening with the old one.</source>
        <translation>今のリカバリーコードまたはパスフレーズでは、この保管庫を開けなくなります。これまでに作成したバックアップは、古いほうで開けます。</translation>
    </message>
    <message>
        <source>Passphrase (at least {n} characters)</source>
        <translation>パスフレーズ（{n} 文字以上）</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>同じパスフレーズをもう一度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>I have &amp;kept my recovery code somewhere safe</source>
        <translation>リカバリーコードを安全な場所に保管しました(&amp;K)</translation>
    </message>
    <message>
        <source>Set &amp;passphrase</source>
        <translation>パスフレーズを設定(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Make a new code</source>
        <translation>新しいコードを作成(&amp;M)</translation>
    </message>
    <message>
        <source>The recovery passphrase was changed.</source>
        <translation>リカバリーパスフレーズを変更しました。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another place.</source>
        <translation>ファイルを書き込めませんでした。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Saved to {path} (readable only by you).</source>
        <translation>{path} に保存しました（あなただけが読めます）。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>プリンターに送信しました。</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>印刷できませんでした。</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Internal error ({kind}). Nothing was changed by the failed step.</source>
        <extracomment>Raised inside ``fn`` by ``report()`` (and by the op&apos;s token) after :meth:`Op.cancel`.</extracomment>
        <translation>内部エラーが発生しました（{kind}）。失敗した処理による変更はありません。</translation>
    </message>
    <message>
        <source>Taiwa</source>
        <translation>Taiwa</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>メンバーを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a person (Ctrl+Shift+N)</source>
        <translation>メンバーを追加（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Filter by name, role, team or e-mail</source>
        <translation>名前・役割・チーム・メールで絞り込み</translation>
    </message>
    <message>
        <source>Filter people</source>
        <translation>メンバーを絞り込む</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>メンバーを追加</translation>
    </message>
    <message>
        <source>Privacy mode: only the person you have open is listed.</source>
        <translation>プライバシーモード：開いているメンバーだけを表示しています。</translation>
    </message>
    <message>
        <source>No people yet. Add the people you hold 1on1s with.</source>
        <translation>メンバーはまだいません。1on1 をする相手を追加してください。</translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>%2 人中 %1 人を表示</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>メンバーを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Archive person</source>
        <translation>メンバーをアーカイブ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete person for good…</source>
        <translation>メンバーを完全に削除(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>メンバーの編集</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>メンバーを追加</translation>
    </message>
    <message>
        <source>e.g. Hanako Sato</source>
        <translation>例：佐藤 花子</translation>
    </message>
    <message>
        <source>Separate several with commas</source>
        <translation>複数ある場合はカンマで区切ります</translation>
    </message>
    <message>
        <source>Used to recognise this person&apos;s 1on1s in calendar files</source>
        <translation>カレンダーファイルからこのメンバーの 1on1 を見つけるために使います</translation>
    </message>
    <message>
        <source>Not set</source>
        <extracomment>Start date field of a person when no date is set.</extracomment>
        <translation>未設定</translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Suffix after the cadence number: &quot;every 14 days&quot;.</extracomment>
        <translation> 日</translation>
    </message>
    <message>
        <source>Where do they want to be in a few years?</source>
        <translation>数年後にどうなっていたいか？</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;E-mail addresses:</source>
        <translation>メールアドレス(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>役割(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>チーム(&amp;T)：</translation>
    </message>
    <message>
        <source>Started &amp;on:</source>
        <translation>着任日(&amp;O)：</translation>
    </message>
    <message>
        <source>1on1 e&amp;very:</source>
        <extracomment>Label: how often to hold a 1on1 with this person.</extracomment>
        <translation>1on1 の間隔(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Career goals:</source>
        <translation>キャリアの目標(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>メンバーを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>名前を入力してください。</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>&amp;New meeting</source>
        <translation>新しいミーティング(&amp;N)</translation>
    </message>
    <message>
        <source>Start a meeting now; open topics and action items are carried over</source>
        <translation>今すぐミーティングを始めます。未完了の議題とアクションは引き継がれます</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>プロフィールを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation>PDF を書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>Pre&amp;pare 1on1…</source>
        <translation>1on1 の準備(&amp;P)…</translation>
    </message>
    <message>
        <source>Prep facts, a sheet for the report, and the recap</source>
        <translation>準備の情報、メンバー向けシート、まとめ</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>No meetings yet. Start one with New meeting.</source>
        <translation>ミーティングはまだありません。「新しいミーティング」で始めてください。</translation>
    </message>
    <message>
        <source>Meetings, newest first</source>
        <translation>ミーティング（新しい順）</translation>
    </message>
    <message>
        <source>Career goals</source>
        <translation>キャリアの目標</translation>
    </message>
    <message>
        <source>Where do they want to be in a few years? What do they want to learn?</source>
        <translation>数年後にどうなっていたいか？ 何を学びたいか？</translation>
    </message>
    <message>
        <source>Mood trend</source>
        <translation>コンディションの推移</translation>
    </message>
    <message>
        <source>Themes, last 12 months</source>
        <translation>テーマ（直近 12 か月）</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未完了のアクション</translation>
    </message>
    <message>
        <source>No open action items.</source>
        <translation>未完了のアクションはありません。</translation>
    </message>
    <message>
        <source>Toggle done</source>
        <translation>完了を切り替え</translation>
    </message>
    <message>
        <source>&amp;Delete action item for good…</source>
        <translation>アクションアイテムを完全に削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Meetings (%1)</source>
        <translation>ミーティング（%1）</translation>
    </message>
    <message>
        <source>Archived</source>
        <extracomment>First fact on the page of an archived person (off the dashboard, kept).</extracomment>
        <translation>アーカイブ済み</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>1on1 every %1 days</source>
        <translation>1on1 は %1 日ごと</translation>
    </message>
    <message>
        <source>No topics in the last twelve months.</source>
        <translation>直近 12 か月の議題はありません。</translation>
    </message>
    <message>
        <source>No career topic in twelve months — worth raising next time.</source>
        <translation>12 か月間キャリアの議題がありません — 次回取り上げてみましょう。</translation>
    </message>
    <message>
        <source>Mostly %1 topics (%2 %). Balance with growth and career?</source>
        <translation>議題の多くが「%1」です（%2 %）。成長やキャリアの話題も取り入れてみては？</translation>
    </message>
    <message>
        <source>%1 topics in twelve months.</source>
        <translation>12 か月で %1 件の議題。</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>New meeting</source>
        <translation>新しいミーティング</translation>
    </message>
    <message>
        <source>Who is the 1on1 with?</source>
        <translation>誰との 1on1 ですか？</translation>
    </message>
    <message>
        <source>Type to filter by name or team</source>
        <translation>名前やチームで絞り込み</translation>
    </message>
    <message>
        <source>No people yet. Add your direct reports on the People page first.</source>
        <translation>メンバーがまだいません。先に「メンバー」ページで追加してください。</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>ミーティングを開始</translation>
    </message>
</context>
<context>
    <name>PrepDialog</name>
    <message>
        <source>Prepare 1on1 — {name}</source>
        <translation>1on1 の準備 — {name}</translation>
    </message>
    <message>
        <source>The prep sheet for the report</source>
        <translation>メンバー向けの準備シート</translation>
    </message>
    <message>
        <source>&amp;Copy sheet</source>
        <translation>シートをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the sheet as text for a mail or chat</source>
        <translation>シートをメールやチャット用のテキストとしてコピーします</translation>
    </message>
    <message>
        <source>&amp;Save HTML sheet…</source>
        <translation>HTML シートを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>One offline page with a form the report fills in</source>
        <translation>メンバーが記入するフォーム付きのオフラインページ（1 ファイル）</translation>
    </message>
    <message>
        <source>Read &amp;answer…</source>
        <translation>回答を読み込む(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Recap…</source>
        <translation>まとめ(&amp;R)…</translation>
    </message>
    <message>
        <source>The shared notes and agreed actions of a meeting</source>
        <translation>ミーティングの共有メモと決めたアクション</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Themes over the last year: {counts}. Thin: {thin}.</source>
        <translation>過去 1 年のテーマ：{counts}。少ないテーマ：{thin}。</translation>
    </message>
    <message>
        <source>The sheet was copied.</source>
        <translation>シートをコピーしました。</translation>
    </message>
    <message>
        <source>Save the prep sheet</source>
        <translation>準備シートを保存</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>ウェブページ (*.html)</translation>
    </message>
    <message>
        <source>Recap</source>
        <translation>まとめ</translation>
    </message>
    <message>
        <source>Prepare 1on1</source>
        <translation>1on1 の準備</translation>
    </message>
    <message>
        <source>Open a person or a meeting first, then prepare the 1on1.</source>
        <translation>先に人かミーティングを開いてから、1on1 の準備をしてください。</translation>
    </message>
</context>
<context>
    <name>PrivateNotesPanel</name>
    <message>
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>Pr&amp;ivate notes</source>
        <translation>非公開メモ(&amp;I)</translation>
    </message>
    <message>
        <source>Only you see these. Hidden in privacy mode, left out of exports unless you choose otherwise.</source>
        <translation>あなただけが見るメモです。プライバシーモードでは隠れ、書き出しにも含まれません（含めると選んだ場合を除く）。</translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>非公開メモ</translation>
    </message>
    <message>
        <source>Your own observations, never shared…</source>
        <translation>あなた自身の気づき。共有はしません…</translation>
    </message>
</context>
<context>
    <name>QuestionBankDialog</name>
    <message>
        <source>Add from the question bank</source>
        <translation>質問集から追加</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>すべてのテーマ</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T)：</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Select one or more questions (Ctrl+click) and press Add. Edit the bank in Settings.</source>
        <translation>質問を選んで（Ctrl+クリックで複数選択）「追加」を押してください。質問集は設定で編集できます。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>RateGauge</name>
    <message>
        <source>No 1on1s planned in this period</source>
        <translation>この期間に予定された 1on1 はありません</translation>
    </message>
    <message>
        <source>%1 of %2 held · target %3 %</source>
        <translation>%2 件中 %1 件実施 · 目標 %3 %</translation>
    </message>
</context>
<context>
    <name>RecapDialog</name>
    <message>
        <source>Recap — {name}</source>
        <translation>まとめ — {name}</translation>
    </message>
    <message>
        <source>Recap</source>
        <translation>まとめ</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>テキストをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Save next 1on1 as .&amp;ics…</source>
        <translation>次回の 1on1 を .ics で保存(&amp;I)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The recap was copied.</source>
        <translation>まとめをコピーしました。</translation>
    </message>
    <message>
        <source>Save the next 1on1</source>
        <translation>次回の 1on1 を保存</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Taiwa — recovery code</source>
        <translation>Taiwa — リカバリーコード</translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation>保管庫のフォルダー：{folder}</translation>
    </message>
    <message>
        <source>Created: {day}</source>
        <translation>作成日：{day}</translation>
    </message>
    <message>
        <source>With this code you can open your vault if the system keyring loses its key, or restore a backup on a new computer. Anyone holding it and your vault or a backup can read your notes: keep it somewhere safe, away from the laptop.</source>
        <translation>このコードがあれば、システムのキーリングから鍵が失われても保管庫を開けます。新しいパソコンでバックアップを復元するときにも使います。このコードと保管庫（またはバックアップ）の両方を持つ人は記録を読めてしまうため、このノートパソコンから離れた安全な場所に保管してください。</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>&amp;Open Taiwa</source>
        <extracomment>How often the schedule is read again from the vault (and at once after any change). Emitted with the notification&apos;s text after it was shown (tests, the log of what fired).</extracomment>
        <translation>Taiwa を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>Taiwa — %n action item(s) due before the next 1on1s</source>
        <translation>
            <numerusform>Taiwa — 次の 1on1 までが期限のアクション %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action item(s) due before the next 1on1s</source>
        <translation>
            <numerusform>次回の 1on1 までが期限のアクション %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>The backup becomes your vault. The vault now in {folder} is not deleted: it is moved aside to a folder next to it, named “…-replaced-” and the time.</source>
        <translation>バックアップがあなたの保管庫になります。いま {folder} にある保管庫は削除されず、隣に「…-replaced-日時」という名前のフォルダーとして移されます。</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>バックアップファイル</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <source>Recovery code or passphrase of the backup</source>
        <translation>バックアップのリカバリーコードまたはパスフレーズ</translation>
    </message>
    <message>
        <source>Check and restore</source>
        <translation>確認して復元</translation>
    </message>
</context>
<context>
    <name>RollupExportDialog</name>
    <message>
        <source>Export roll-up</source>
        <translation>ロールアップを書き出す</translation>
    </message>
    <message>
        <source>A roll-up holds numbers only — no titles, notes, mood or signals — for your skip-level manager or HR. It is signed so that they can tell it was not edited.</source>
        <translation>ロールアップには数値だけが入ります（件名・メモ・気分・シグナルは入りません）。上位のマネージャーや人事に渡すためのもので、編集されていないことを確認できるよう署名されます。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <source>e.g. your team&apos;s name (optional)</source>
        <translation>例：チーム名（任意）</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>表示名(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Name the reports (instead of pseudonyms)</source>
        <translation>メンバーを実名にする（仮名の代わりに）(&amp;N)</translation>
    </message>
    <message>
        <source>The file will hold your reports&apos; names. Choose this only if the reader may see them.</source>
        <translation>ファイルにメンバーの実名が入ります。受け取る人が見てよい場合にだけ選んでください。</translation>
    </message>
    <message>
        <source>What leaves this laptop, &amp;field by field:</source>
        <translation>このノート PC から出ていく項目(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>最終日が初日より前です。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>集計中…</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s). Signing key: %1</source>
        <translation>
            <numerusform>%n 人。署名鍵：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1. Tell the reader your key %2 so they can check it.</source>
        <translation>%1 を書き出しました。確認できるよう、受け取る人に鍵 %2 を伝えてください。</translation>
    </message>
    <message>
        <source>&amp;Save again…</source>
        <translation>もう一度保存(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>RollupViewer</name>
    <message>
        <source>Roll-ups</source>
        <translation>ロールアップ</translation>
    </message>
    <message>
        <source>&amp;Open files…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Include &amp;kept roll-ups</source>
        <translation>保存したロールアップも含める(&amp;K)</translation>
    </message>
    <message>
        <source>K&amp;eep in this vault</source>
        <translation>この保管庫に保存(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目標(&amp;T):</translation>
    </message>
    <message>
        <source>Smallest &amp;group:</source>
        <translation>最小グループ(&amp;G):</translation>
    </message>
    <message>
        <source>Open the roll-up files your managers sent you.</source>
        <translation>マネージャーから受け取ったロールアップファイルを開いてください。</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV を書き出す(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>PDF を書き出す(&amp;P)…</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n roll-up(s) in this vault, encrypted.</source>
        <translation>
            <numerusform>%n 件のロールアップをこの保管庫に暗号化して保存しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 を書き出しました。</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search notes, topics, action items and goals — Japanese works without spaces</source>
        <translation>メモ・議題・アクション・目標を検索 — 日本語はスペースなしで検索できます</translation>
    </message>
    <message>
        <source>Include &amp;archived people</source>
        <translation>アーカイブした人も含める(&amp;A)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Privacy mode: only the open person is searched, without private notes.</source>
        <translation>プライバシーモード：開いているメンバーだけを、非公開メモを除いて検索します。</translation>
    </message>
    <message>
        <source>Type to search. Private notes are included while privacy mode is off.</source>
        <translation>入力すると検索します。プライバシーモードがオフの間は非公開メモも対象です。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>見つかりませんでした。</translation>
    </message>
    <message>
        <source>Results: %1 so far — scroll for more</source>
        <translation>結果：これまでに %1 件 — スクロールで続きを表示</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>結果：%1 件</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The reminder or tray settings changed: the tray applies them at once.</extracomment>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Question banks</source>
        <translation>質問集</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Keys and backups</source>
        <translation>鍵とバックアップ</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>システムに合わせる（{language}）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L)：</translation>
    </message>
    <message>
        <source>Loc&amp;k after inactivity:</source>
        <translation>操作がないときのロック(&amp;K)：</translation>
    </message>
    <message>
        <source>Default 1on1 &amp;cadence:</source>
        <translation>1on1 の標準の間隔(&amp;C)：</translation>
    </message>
    <message>
        <source> years after archiving</source>
        <translation> 年（アーカイブ後）</translation>
    </message>
    <message>
        <source>&amp;Erase archived people:</source>
        <translation>アーカイブしたメンバーの消去(&amp;E)：</translation>
    </message>
    <message>
        <source>Applied each time the vault is unlocked, so that nothing is kept longer than needed. Earlier backups still hold what it erases.</source>
        <translation>保管庫を開くたびに適用され、必要以上に長く保存しないようにします。消去した内容も以前のバックアップには残ります。</translation>
    </message>
    <message>
        <source>&amp;Remind me before a 1on1:</source>
        <translation>1on1 の前に知らせる(&amp;R)：</translation>
    </message>
    <message>
        <source>Show &amp;names in notifications</source>
        <translation>通知に名前を表示する(&amp;N)</translation>
    </message>
    <message>
        <source>Keep running in the &amp;tray when the window is closed</source>
        <translation>ウィンドウを閉じてもトレイで動かし続ける(&amp;T)</translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation>ログイン時に起動する(&amp;G)</translation>
    </message>
    <message>
        <source>Notifications never show note text, and names only when allowed above (never in privacy mode). Nothing of Taiwa runs while it is closed unless it starts at login.</source>
        <translation>通知にメモの内容は表示されず、名前は上で許可したときだけ表示されます（プライバシーモード中は表示されません）。ログイン時に起動する設定でなければ、Taiwa を閉じている間は何も動きません。</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet.</source>
        <translation>このシステムでは、ログイン時の起動にまだ対応していません。</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>質問集(&amp;B)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>テーマ(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Your calendar e-&amp;mail:</source>
        <translation>あなたのカレンダーのメール(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Titles that mean a 1on1
(one per line):</source>
        <translation>1on1 とみなす件名(&amp;T)
（1 行に 1 つ）：</translation>
    </message>
    <message>
        <source>Titles that &amp;never do
(one per line):</source>
        <translation>1on1 とみなさない件名(&amp;N)
（1 行に 1 つ）：</translation>
    </message>
    <message>
        <source>Case and full- or half-width forms do not matter; a space also stands for &apos;-&apos;, &apos;_&apos;, &apos;・&apos; or nothing (&quot;one on one&quot; finds One-on-one). The text of an exclusion is left out before keywords are looked for (&quot;採用 面談&quot; keeps 採用面談 out).</source>
        <translation>大文字・小文字や全角・半角の違いは区別しません。スペースは「-」「_」「・」または何もないことも表します（&quot;one on one&quot; で One-on-one も見つかります）。除外の語句はキーワードを探す前にタイトルから取り除かれます（&quot;採用 面談&quot; で 採用面談 を除外）。</translation>
    </message>
    <message>
        <source>New recovery &amp;code…</source>
        <translation>新しいリカバリーコード(&amp;C)…</translation>
    </message>
    <message>
        <source>Use a &amp;passphrase instead…</source>
        <translation>代わりにパスフレーズを使う(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Never</source>
        <extracomment>Retention rule switched off (the spin box at 0).</extracomment>
        <translation>しない</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Taiwa also locks when the screen locks or the computer sleeps, and with Ctrl+L.</source>
        <translation>画面のロック時やスリープ時、Ctrl+L でもロックします。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>How often you meet a new person unless you set another cadence for them.</source>
        <translation>メンバーごとに間隔を設定しない場合に使う、1on1 の頻度です。</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>質問：</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>質問を追加</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>質問を編集</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>You are left out when Taiwa looks for the one other attendee of a 1on1.</source>
        <translation>1on1 の相手を探すとき、あなた自身は参加者から除きます。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation>鍵の保管場所</translation>
    </message>
    <message>
        <source>Vault folder: {folder}</source>
        <translation>保管庫のフォルダー：{folder}</translation>
    </message>
    <message>
        <source>Recovery secret</source>
        <translation>リカバリー情報</translation>
    </message>
    <message>
        <source>Replace your recovery code, for example if someone may have seen it. Backups made before keep opening with the old code.</source>
        <translation>誰かに見られたおそれがあるときなどは、リカバリーコードを新しくしてください。これまでのバックアップは古いコードで開けます。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>A backup is one encrypted file that opens with your recovery code alone, also on a new computer. Keep it on another disk.</source>
        <translation>バックアップは暗号化された 1 つのファイルで、新しいパソコンでもリカバリーコードだけで開けます。別のディスクに保管してください。</translation>
    </message>
    <message>
        <source>In your system keyring ({where}). Taiwa opens without a password while you are logged in.</source>
        <translation>システムのキーリング（{where}）。ログインしている間はパスワードなしで開けます。</translation>
    </message>
    <message>
        <source>unknown keyring</source>
        <translation>不明なキーリング</translation>
    </message>
    <message>
        <source>Nowhere: this vault opens only with its passphrase (passphrase-only mode).</source>
        <translation>どこにも保存していません。この保管庫はパスフレーズでのみ開きます（パスフレーズのみモード）。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New meeting</source>
        <translation>新しいミーティング</translation>
    </message>
    <message>
        <source>Search (focus the search field)</source>
        <translation>検索（検索欄へ移動）</translation>
    </message>
    <message>
        <source>Back / forward</source>
        <translation>戻る／進む</translation>
    </message>
    <message>
        <source>Next / previous field (leaves a list)</source>
        <translation>次／前の入力欄（一覧からも出る）</translation>
    </message>
    <message>
        <source>Privacy mode on/off</source>
        <translation>プライバシーモードのオン／オフ</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>今すぐロック</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>People</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Lists and dialogs</source>
        <translation>一覧とダイアログ</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>Vault and files</source>
        <translation>保管庫とファイル</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source>Search page</source>
        <translation>検索ページ</translation>
    </message>
    <message>
        <source>To confirm: mark a past calendar 1on1 held / cancelled / skipped</source>
        <translation>確認待ち：過去のカレンダーの 1on1 を実施／中止／スキップにする</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>文字を大きく／小さく</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>標準の大きさ</translation>
    </message>
    <message>
        <source>Import calendar (.ics)</source>
        <translation>カレンダーの取り込み（.ics）</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF を書き出す</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Undo / redo in a text field</source>
        <translation>入力欄での元に戻す／やり直す</translation>
    </message>
    <message>
        <source>Open the selected item</source>
        <translation>選んだ項目を開く</translation>
    </message>
    <message>
        <source>Back out of a person&apos;s or a meeting&apos;s list</source>
        <translation>メンバー・ミーティングの一覧から戻る</translation>
    </message>
    <message>
        <source>Move in a list</source>
        <translation>一覧の中を移動</translation>
    </message>
    <message>
        <source>Confirm a dialog (Ctrl+Enter in a text box)</source>
        <translation>ダイアログを確定（複数行の入力欄では Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>ダイアログを閉じる</translation>
    </message>
    <message>
        <source>People: edit / delete the selected person</source>
        <translation>メンバー：選んだメンバーを編集／削除</translation>
    </message>
    <message>
        <source>Meeting: delete the meeting (in its list)</source>
        <translation>ミーティング：ミーティングを削除（一覧で）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Meeting: add a topic</source>
        <translation>ミーティング：議題を追加</translation>
    </message>
    <message>
        <source>Meeting: add topics from the question bank</source>
        <translation>ミーティング：質問集から議題を追加</translation>
    </message>
    <message>
        <source>Meeting: add an action item</source>
        <translation>ミーティング：アクションを追加</translation>
    </message>
    <message>
        <source>Meeting: toggle discussed / done</source>
        <translation>ミーティング：話した／完了を切り替え</translation>
    </message>
    <message>
        <source>Meeting: delete the selected topic or action item</source>
        <translation>ミーティング：選んだ議題・アクションを削除</translation>
    </message>
    <message>
        <source>Meeting: edit the selected topic or action item</source>
        <translation>ミーティング：選んだ議題・アクションを編集</translation>
    </message>
    <message>
        <source>Meeting: previous / next meeting</source>
        <translation>ミーティング：前／次のミーティング</translation>
    </message>
    <message>
        <source>Meeting: undo / redo a topic, action, mood or status change</source>
        <translation>ミーティング：議題・アクション・コンディション・状態の変更を元に戻す／やり直す</translation>
    </message>
    <message>
        <source>People: add a person</source>
        <translation>メンバー：メンバーを追加</translation>
    </message>
    <message>
        <source>People / search: from the field to the list</source>
        <translation>メンバー／検索：入力欄から一覧へ移動</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>&amp;Cheat sheet</source>
        <translation>早見表(&amp;C)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>&amp;All shortcuts</source>
        <translation>すべてのショートカット(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save cheat sheet as PDF…</source>
        <translation>早見表を PDF で保存(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ThemeBalanceBars</name>
    <message>
        <source>Theme balance</source>
        <translation>テーマのバランス</translation>
    </message>
</context>
<context>
    <name>ToConfirmCard</name>
    <message>
        <source>Past 1on1s to confirm</source>
        <extracomment>The meeting ids of a row: one occurrence, or every occurrence of a series. Keys that decide the selected rows. Emitted after occurrences were decided, with how many changed.</extracomment>
        <translation>確認待ちの過去の 1on1</translation>
    </message>
    <message>
        <source>Held (H)</source>
        <translation>実施 (H)</translation>
    </message>
    <message>
        <source>Cancelled (C)</source>
        <translation>中止 (C)</translation>
    </message>
    <message>
        <source>Skipped (S)</source>
        <translation>スキップ (S)</translation>
    </message>
    <message>
        <source>From your calendar, already past: did they take place? Select one, several or a whole series and press H, C or S. Until then they count neither as held nor as missed.</source>
        <translation>カレンダーから取り込んだ、すでに過ぎた 1on1 です。実施しましたか？ 1 件・複数・シリーズ全体を選んで H・C・S を押してください。それまでは実施とも未実施とも数えません。</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Select this row to decide the whole series.</source>
        <translation>この行を選ぶとシリーズ全体をまとめて決められます。</translation>
    </message>
    <message>
        <source>To confirm (%1)</source>
        <translation>確認待ち (%1)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Execution rate by month</source>
        <translation>月ごとの実施率</translation>
    </message>
    <message>
        <source>No month has enough reports to show.</source>
        <translation>表示できる人数に達した月がありません。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation>実施率</translation>
    </message>
    <message>
        <source>Target %1 %</source>
        <translation>目標 %1 %</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>No system keyring could be reached on this computer, so Taiwa cannot fetch the vault&apos;s key.</source>
        <translation>このパソコンのシステムのキーリングに接続できないため、保管庫の鍵を取り出せません。</translation>
    </message>
    <message>
        <source>Unlock with your recovery code below. Your notes are intact.</source>
        <translation>下の欄にリカバリーコードを入力して解除してください。記録は無事です。</translation>
    </message>
    <message>
        <source>The system keyring is locked, so Taiwa cannot fetch the vault&apos;s key.</source>
        <translation>システムのキーリングがロックされているため、保管庫の鍵を取り出せません。</translation>
    </message>
    <message>
        <source>Unlock your keyring (log in to your desktop session) and press Try again, or use your recovery code.</source>
        <translation>キーリングを解除（デスクトップにログイン）してから「再試行」を押すか、リカバリーコードを使ってください。</translation>
    </message>
    <message>
        <source>The keyring has no key for this vault. It may have been reset, or this is a new computer.</source>
        <translation>キーリングにこの保管庫の鍵がありません。キーリングがリセットされたか、新しいパソコンの可能性があります。</translation>
    </message>
    <message>
        <source>Enter your recovery code: Taiwa opens the vault and puts the key back into the keyring.</source>
        <translation>リカバリーコードを入力してください。保管庫を開き、鍵をキーリングに戻します。</translation>
    </message>
    <message>
        <source>The key stored in the keyring does not open this vault.</source>
        <translation>キーリングに保存された鍵ではこの保管庫を開けません。</translation>
    </message>
    <message>
        <source>Enter your recovery code: Taiwa opens the vault and stores the right key again.</source>
        <translation>リカバリーコードを入力してください。保管庫を開き、正しい鍵を保存し直します。</translation>
    </message>
    <message>
        <source>That recovery code or passphrase is not right.</source>
        <translation>リカバリーコードまたはパスフレーズが違います。</translation>
    </message>
    <message>
        <source>Check it and type it again (dashes and spaces do not matter). Nothing was changed.</source>
        <translation>確認してもう一度入力してください（ハイフンやスペースは無視されます）。何も変更していません。</translation>
    </message>
    <message>
        <source>This vault keeps no key in the keyring: it opens with its passphrase.</source>
        <translation>この保管庫はキーリングに鍵を保存していません。パスフレーズで開きます。</translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase (or recovery code) below.</source>
        <translation>下の欄に保管庫のパスフレーズ（またはリカバリーコード）を入力してください。</translation>
    </message>
    <message>
        <source>The vault is already open in another Taiwa window or process.</source>
        <translation>保管庫はすでに別の Taiwa で開かれています。</translation>
    </message>
    <message>
        <source>Close the other one, then press Try again.</source>
        <translation>そちらを閉じてから「再試行」を押してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is empty (0 bytes).</source>
        <translation>保管庫のデータベースファイルが空（0 バイト）です。</translation>
    </message>
    <message>
        <source>It was left untouched. Restore your vault from a backup.</source>
        <translation>ファイルはそのままにしてあります。バックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is damaged, or the key does not match it.</source>
        <translation>保管庫のデータベースファイルが破損しているか、鍵が一致しません。</translation>
    </message>
    <message>
        <source>It was left untouched. Try your recovery code; if that fails too, restore from a backup.</source>
        <translation>ファイルはそのままにしてあります。リカバリーコードを試し、それでも開けない場合はバックアップから復元してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is an unencrypted SQLite file, not a Taiwa vault.</source>
        <translation>保管庫のデータベースファイルが暗号化されていない SQLite ファイルで、Taiwa の保管庫ではありません。</translation>
    </message>
    <message>
        <source>It was left untouched. Move it away and restore your vault from a backup.</source>
        <translation>ファイルはそのままにしてあります。別の場所に移してから、バックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <source>The vault folder has its header but no database file.</source>
        <translation>保管庫のフォルダーにヘッダーはありますが、データベースファイルがありません。</translation>
    </message>
    <message>
        <source>Restore your vault from a backup.</source>
        <translation>バックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s header file (vault.json) is damaged or unreadable.</source>
        <translation>保管庫のヘッダーファイル（vault.json）が破損しているか、読み取れません。</translation>
    </message>
    <message>
        <source>The vault folder cannot be written to.</source>
        <translation>保管庫のフォルダーに書き込めません。</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions and the free disk space, then press Try again.</source>
        <translation>フォルダーのアクセス権とディスクの空き容量を確認してから「再試行」を押してください。</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>ディスクがいっぱいです。</translation>
    </message>
    <message>
        <source>Free some space, then press Try again.</source>
        <translation>空き容量を確保してから「再試行」を押してください。</translation>
    </message>
    <message>
        <source>This copy of Taiwa was built with an SQLCipher that is not version 4.</source>
        <translation>この Taiwa はバージョン 4 以外の SQLCipher で作られています。</translation>
    </message>
    <message>
        <source>Reinstall Taiwa from its official package.</source>
        <translation>公式のパッケージから Taiwa をインストールし直してください。</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Taiwa.</source>
        <translation>この保管庫は新しいバージョンの Taiwa で作成されています。</translation>
    </message>
    <message>
        <source>Update Taiwa to open it. The vault was left untouched.</source>
        <translation>開くには Taiwa を更新してください。保管庫はそのままにしてあります。</translation>
    </message>
    <message>
        <source>There is no vault in this folder any more.</source>
        <translation>このフォルダーに保管庫が見つかりません。</translation>
    </message>
    <message>
        <source>Restore your vault from a backup, or check that the vault&apos;s drive is connected.</source>
        <translation>バックアップから保管庫を復元するか、保管庫のあるドライブが接続されているか確認してください。</translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>保管庫を開けませんでした。</translation>
    </message>
    <message>
        <source>Press Try again, or use your recovery code.</source>
        <translation>「再試行」を押すか、リカバリーコードを使ってください。</translation>
    </message>
    <message>
        <source>Taiwa is locked</source>
        <translation>Taiwa はロックされています</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Use &amp;recovery code…</source>
        <translation>リカバリーコードを使う(&amp;R)…</translation>
    </message>
    <message>
        <source>Recovery code or passphrase</source>
        <translation>リカバリーコードまたはパスフレーズ</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</source>
        <translation>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>The code you saved or printed when the vault was created. Dashes and spaces do not matter.</source>
        <translation>保管庫を作成したときに保存または印刷したコードです。ハイフンやスペースは無視されます。</translation>
    </message>
    <message>
        <source>Unlock with this code</source>
        <translation>このコードで解除</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>バックアップから復元…</translation>
    </message>
    <message>
        <source>Vault: {folder}</source>
        <translation>保管庫：{folder}</translation>
    </message>
    <message>
        <source>Enter your passphrase</source>
        <translation>パスフレーズを入力してください</translation>
    </message>
    <message>
        <source>This vault keeps no key in the keyring. Type its passphrase (or recovery code) to open it.</source>
        <translation>この保管庫はキーリングに鍵を保存していません。開くにはパスフレーズ（またはリカバリーコード）を入力してください。</translation>
    </message>
    <message>
        <source>Passphrase or recovery code</source>
        <translation>パスフレーズまたはリカバリーコード</translation>
    </message>
    <message>
        <source>Locked after a few minutes without activity. Your notes were saved.</source>
        <translation>しばらく操作がなかったためロックしました。記録は保存済みです。</translation>
    </message>
    <message>
        <source>Locked because the computer went to sleep. Your notes were saved.</source>
        <translation>パソコンがスリープしたためロックしました。記録は保存済みです。</translation>
    </message>
    <message>
        <source>Locked together with your screen. Your notes were saved.</source>
        <translation>画面のロックに合わせてロックしました。記録は保存済みです。</translation>
    </message>
    <message>
        <source>Locked. Your notes were saved.</source>
        <translation>ロックしました。記録は保存済みです。</translation>
    </message>
    <message>
        <source>Press Unlock (Enter) to open your vault with the key in your system keyring.</source>
        <translation>「ロック解除」（Enter）を押すと、システムのキーリングの鍵で保管庫を開きます。</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>保管庫を開いています…</translation>
    </message>
    <message>
        <source>Fetching the key from your system keyring.</source>
        <translation>システムのキーリングから鍵を取り出しています。</translation>
    </message>
    <message>
        <source>The vault is still closed; nothing was changed.</source>
        <translation>保管庫は閉じたままです。何も変更していません。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試行</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to Taiwa</source>
        <translation>Taiwa へようこそ</translation>
    </message>
    <message>
        <source>Your vault is ready and empty. Three first steps — all of them stay on this computer:</source>
        <translation>保管庫の準備ができました（まだ空です）。最初の 3 つのステップ — どれもこのコンピューターの中だけで行われます:</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>メンバーを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add the people who report to you</source>
        <translation>あなたのチームのメンバーを追加する</translation>
    </message>
    <message>
        <source>A name is enough to start; e-mail addresses let a calendar import find their 1on1s, and a cadence tells Taiwa when the next one is due.</source>
        <translation>まずは名前だけで始められます。メールアドレスがあればカレンダーの取り込みで 1on1 が見つかり、頻度を決めておくと次の 1on1 の時期を Taiwa が知らせます。</translation>
    </message>
    <message>
        <source>&amp;Import a calendar…</source>
        <translation>カレンダーを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Import your calendar</source>
        <translation>カレンダーを取り込む</translation>
    </message>
    <message>
        <source>Export your calendar as an .ics file (Google Calendar, Outlook) and import it: Taiwa finds the 1on1s in it and asks before saving anything.</source>
        <translation>カレンダーを .ics ファイルに書き出して（Google カレンダー、Outlook）取り込んでください。Taiwa が 1on1 を見つけ、保存する前に確認します。</translation>
    </message>
    <message>
        <source>&amp;Copy the commands</source>
        <translation>コマンドをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Or look around a demo vault first</source>
        <translation>または、まずデモ用の保管庫を見てみる</translation>
    </message>
    <message>
        <source>The demo vault holds a year of made-up 1on1s in a folder of its own; your vault is not touched. In a terminal:</source>
        <translation>デモ用の保管庫には架空の 1on1 が 1 年分入っています。別のフォルダーに作られ、あなたの保管庫には触れません。ターミナルで:</translation>
    </message>
    <message>
        <source>Copied. Paste the commands into a terminal.</source>
        <translation>コピーしました。ターミナルに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>WhoPanel</name>
    <message>
        <source>Who is this?</source>
        <extracomment>Emitted when any answer changes.</extracomment>
        <translation>この人は誰ですか？</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n occurrence(s)):</source>
        <translation>
            <numerusform>%1（%n 件）:</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>今回はスキップ</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %2 (%n occurrence(s)):</source>
        <translation>
            <numerusform>%1（%2、%n 件）：</numerusform>
        </translation>
    </message>
    <message>
        <source>As ticked in the list</source>
        <translation>一覧のチェックに従う</translation>
    </message>
    <message>
        <source>Ignore this series</source>
        <translation>このシリーズを無視する</translation>
    </message>
    <message>
        <source>A new person named…</source>
        <translation>新しい人（名前を入力）…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
</context>
<context>
    <name>WhyShort</name>
    <message numerus="yes">
        <source>%n event(s) outside the period</source>
        <translation>
            <numerusform>期間外の予定 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not 1on1s</source>
        <translation>
            <numerusform>1on1 以外 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>読めない予定 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored series</source>
        <translation>
            <numerusform>無視するシリーズ %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No 1on1s in this period.</source>
        <translation>この期間に 1on1 はありません。</translation>
    </message>
    <message>
        <source>{a}, {b}</source>
        <translation>{a}、{b}</translation>
    </message>
    <message>
        <source>Not in this preview: {parts}.</source>
        <translation>この一覧に含まれないもの: {parts}。</translation>
    </message>
</context>
</TS>
