"""Fatal export problems: a message for people, never a stack trace."""
from __future__ import annotations

MESSAGES = {
    "missing_folder": ("Datamappen {path} finns inte.", "The data folder {path} does not exist."),
    "no_export": ("Mappen {path} innehåller ingen export (ingen tabell och ingen undermapp "
                  "med manifest.json).",
                  "The folder {path} holds no export (no table and no subfolder with "
                  "manifest.json)."),
    "missing_table": ("Tabellen {table} saknas: varken {table}.parquet eller mappen {table}/ "
                      "finns i {path}.",
                      "The table {table} is missing: neither {table}.parquet nor the folder "
                      "{table}/ is in {path}."),
    "ambiguous_table": ("Tabellen {table} finns både som {table}.parquet och som mappen "
                        "{table}/ i {path}; ta bort den ena.",
                        "The table {table} is both {table}.parquet and the folder {table}/ in "
                        "{path}; remove one of them."),
    "empty_table_folder": ("Mappen {file} innehåller inga Parquet-filer.",
                           "The folder {file} contains no Parquet files."),
    "unreadable": ("Filen {file} kan inte läsas som Parquet ({reason}).",
                   "The file {file} cannot be read as Parquet ({reason})."),
    "missing_column": ("Filen {file} saknar den obligatoriska kolumnen {column}.",
                       "The file {file} lacks the required column {column}."),
    "wrong_type": ("Kolumnen {column} i {file} har typen {found}; kontraktet kräver {expected}.",
                   "The column {column} in {file} has type {found}; the contract needs "
                   "{expected}."),
    "bad_manifest": ("manifest.json i {path} kan inte läsas: {reason}.",
                     "manifest.json in {path} cannot be read: {reason}."),
    "row_count_mismatch": ("Exporten är ofullständig: manifest.json anger {expected} rader i "
                           "{table} men filerna har {found}.",
                           "The export is incomplete: manifest.json says {table} has "
                           "{expected} rows but the files hold {found}."),
    "personal_number": ("Exporten är inte pseudonymiserad: {count} rad(er) i kolumnen {column} "
                        "i tabellen {table} innehåller något som liknar ett personnummer "
                        "(första: rad {row} i {file}). Värdet visas inte. Exporten läses inte in.",
                        "The export is not pseudonymised: {count} row(s) of the column {column} "
                        "in the table {table} contain something shaped like a Swedish personal "
                        "identity number (first: row {row} of {file}). The value is not shown. "
                        "The export is not loaded."),
    "internal": ("Exporten kunde inte läsas: {reason}.", "The export could not be read: {reason}."),
}

TYPE_NAMES = {"string": ("text", "text"), "int": ("heltal", "integer"),
              "date": ("datum", "date"), "bool": ("sant/falskt", "boolean"),
              "string_list": ("lista av text", "list of text")}


class ExportError(Exception):
    """An export that cannot be loaded, with a message that names the file and column."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        sv, en = MESSAGES[self.key]
        params = dict(self.params)
        if "expected" in params and params["expected"] in TYPE_NAMES:
            params["expected"] = TYPE_NAMES[params["expected"]][0 if lang == "sv" else 1]
        return (sv if lang == "sv" else en).format(**params)
