<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswerDialog</name>
    <message numerus="yes">
        <source>%n item(s) for a new planned 1on1 on {when}:</source>
        <translation>
            <numerusform>%n item for a new planned 1on1 on {when}:</numerusform>
            <numerusform>%n items for a new planned 1on1 on {when}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) for the next 1on1 on {when}:</source>
        <translation>
            <numerusform>%n item for the next 1on1 on {when}:</numerusform>
            <numerusform>%n items for the next 1on1 on {when}:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n past 1on1(s) from the calendar wait for confirmation; not counted yet.</source>
        <translation>
            <numerusform>%n past 1on1 from the calendar wait for confirmation; not counted yet.</numerusform>
            <numerusform>%n past 1on1s from the calendar wait for confirmation; not counted yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsBar</name>
    <message numerus="yes">
        <source>Taiwa closed or locked before %n typed text(s) were saved. Restore them?</source>
        <translation>
            <numerusform>Taiwa closed or locked before %n typed text was saved. Restore it?</numerusform>
            <numerusform>Taiwa closed or locked before %n typed texts were saved. Restore them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Locks after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Locks after %n minute without activity.</numerusform>
            <numerusform>Locks after %n minutes without activity.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message numerus="yes">
        <source>Taiwa — %n action item(s) due before the next 1on1s</source>
        <translation>
            <numerusform>Taiwa — %n action item due before the next 1on1s</numerusform>
            <numerusform>Taiwa — %n action items due before the next 1on1s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action item(s) due before the next 1on1s</source>
        <translation>
            <numerusform>%n action item due before the next 1on1s</numerusform>
            <numerusform>%n action items due before the next 1on1s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RollupExportDialog</name>
    <message numerus="yes">
        <source>%n report(s). Signing key: %1</source>
        <translation>
            <numerusform>%n report. Signing key: %1</numerusform>
            <numerusform>%n reports. Signing key: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RollupViewer</name>
    <message numerus="yes">
        <source>Kept %n roll-up(s) in this vault, encrypted.</source>
        <translation>
            <numerusform>Kept %n roll-up in this vault, encrypted.</numerusform>
            <numerusform>Kept %n roll-ups in this vault, encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToConfirmCard</name>
    <message numerus="yes">
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhoPanel</name>
    <message numerus="yes">
        <source>%1 (%n occurrence(s)):</source>
        <translation>
            <numerusform>%1 (%n occurrence):</numerusform>
            <numerusform>%1 (%n occurrences):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 with %2 (%n occurrence(s)):</source>
        <translation>
            <numerusform>%1 with %2 (%n occurrence):</numerusform>
            <numerusform>%1 with %2 (%n occurrences):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhyShort</name>
    <message numerus="yes">
        <source>%n event(s) outside the period</source>
        <translation>
            <numerusform>%n event outside the period</numerusform>
            <numerusform>%n events outside the period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not 1on1s</source>
        <translation>
            <numerusform>%n not a 1on1</numerusform>
            <numerusform>%n not 1on1s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored series</source>
        <translation>
            <numerusform>%n ignored series</numerusform>
            <numerusform>%n ignored series</numerusform>
        </translation>
    </message>
</context>
</TS>
