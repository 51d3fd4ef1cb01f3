/** File adapters: JSON with locations and limits, atomic writes. */
package nl.mvoscan.io;
