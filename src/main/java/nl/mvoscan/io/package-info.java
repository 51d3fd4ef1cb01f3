/** File adapters: JSON with locations and limits, CSV and xlsx tables, atomic writes. */
package nl.mvoscan.io;
