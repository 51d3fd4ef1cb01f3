@echo off
rem mvoscan for an unpacked release (Windows): needs only a Java 17 (or newer) runtime.
rem Runs lib\mvoscan.jar beside this file; MVOSCAN_JAVA_OPTS adds JVM options, JAVA_HOME picks the Java.
setlocal
set "MVOSCAN_HOME=%~dp0"
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if "%JAVA_EXE%"=="java" (
  where java >nul 2>nul
  if errorlevel 1 (
    echo mvoscan: Java not found. Install a Java 17 runtime, for example Eclipse Temurin 17 from adoptium.net. 1>&2
    echo mvoscan: Java niet gevonden. Installeer Java 17, bijvoorbeeld Eclipse Temurin 17 van adoptium.net. 1>&2
    exit /b 1
  )
)
rem UTF-8 in the console, so names such as Zoe with an umlaut show right
chcp 65001 >nul 2>nul
rem JVM warnings go to stderr only, never into output a script reads; the class-data archive's own
rem notes are not the user's concern
set "JVM=-Xlog:disable -Xlog:all=warning,cds*=off:stderr -XX:+IgnoreUnrecognizedVMOptions"

rem The JVM defaults of src/dist/mvoscan, as far as cmd can: no class-data archive here, and the
rem command is the first word only ("mvoscan import x.csv"; with options before it, as in
rem "mvoscan --lang en import", a command counts as a short one). Short commands run on the quick
rem JIT compiler only.
set "COMMAND=%~1"
set "JIT=-XX:TieredStopAtLevel=1"
if "%COMMAND%"=="import" set "JIT="
if "%COMMAND%"=="aggregate" set "JIT="
if "%COMMAND%"=="export" set "JIT="
rem Memory: the JVM sizes its heap by the machine, not by the work (G1, starting at a 64th of the RAM
rem and growing towards a quarter of it), so an import or aggregate of 10 000 responses held 0.6-1.1
rem GB on a 24 GB machine while it streams through far less. A command other than serve runs on the
rem serial collector (no collector threads to share two cores with; less CPU than G1 for all three)
rem with a young generation of 64 MB and an old one that grows only when what stays alive needs it:
rem 160-290 MB for an import, aggregate or export of 10 000 responses (a smaller young generation made
rem import collect so often that it took longer than on G1). That adds no limit, as the largest heap
rem is still the JVM's own (a quarter of the RAM); running out of it ends in one line saying how to
rem give more (set MVOSCAN_JAVA_OPTS=-Xmx2g). A collector or heap size of the user's own in
rem MVOSCAN_JAVA_OPTS (or JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS) replaces ours: the JVM refuses two
rem collectors, and an -Xmx below our -Xms would not start. serve keeps the JVM's defaults: it is
rem long-running and concurrent. (Plain options only: a quote in those variables breaks the tests below.)
set "GC="
set "HEAP="
if "%COMMAND%"=="serve" goto run
set "OWN= %MVOSCAN_JAVA_OPTS% %JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS% "
set "GC=-XX:+UseSerialGC"
if not "%OWN: -XX:+UseSerialGC =%"=="%OWN%" set "GC="
if not "%OWN: -XX:+UseParallelGC =%"=="%OWN%" set "GC="
if not "%OWN: -XX:+UseG1GC =%"=="%OWN%" set "GC="
if not "%OWN: -XX:+UseZGC =%"=="%OWN%" set "GC="
if not "%OWN: -XX:+UseShenandoahGC =%"=="%OWN%" set "GC="
if not "%OWN: -XX:+UseEpsilonGC =%"=="%OWN%" set "GC="
set "HEAP=-Xms96m -Xmn64m"
if not "%OWN: -Xm=%"=="%OWN%" set "HEAP="
if not "%OWN:HeapSize=%"=="%OWN%" set "HEAP="
if not "%OWN:NewSize=%"=="%OWN%" set "HEAP="
if not "%OWN:MaxRAM=%"=="%OWN%" set "HEAP="

:run
"%JAVA_EXE%" %JVM% %JIT% %GC% %HEAP% %MVOSCAN_JAVA_OPTS% -jar "%MVOSCAN_HOME%lib\mvoscan.jar" %*
exit /b %ERRORLEVEL%
