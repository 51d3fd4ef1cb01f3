/** Dutch and English user-facing texts, shared by every layer that talks to people. */
package nl.mvoscan.i18n;
