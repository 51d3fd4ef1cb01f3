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
"%JAVA_EXE%" -Xlog:disable -Xlog:all=warning:stderr %MVOSCAN_JAVA_OPTS% -jar "%MVOSCAN_HOME%lib\mvoscan.jar" %*
exit /b %ERRORLEVEL%
