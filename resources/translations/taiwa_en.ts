<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
