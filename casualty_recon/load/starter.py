"""The commented starter file that `casualty-recon init` writes.

Its claims are placeholders a user must replace: the example figures are taken from the bundled
northwest Syria case (OCHA's situation report of 8 August 2019), with their URL, so the file loads
and reports from the first minute without inventing anything.
"""

STARTER = """\
# yaml-language-server: $schema=./sources.schema.json
# (write the schema beside this file with `casualty-recon schema -o sources.schema.json`)
#
# sources.yaml: competing casualty figures, one claim per published figure.
# Check it with `casualty-recon validate`, compare with `casualty-recon report`.
# The format is described in the README ("Input format").
version: 1
title: Civilian deaths in northwest Syria, 2019

# Named regions, built from places (countries, first-level subdivisions such as Idlib,
# or parts such as `southern Idlib`) or from other regions.
areas:
  northwest Syria: [Idlib, Hama, Aleppo, Latakia]

# Named groups of perpetrators.
parties:
  pro-government: [Syrian government, Russian forces]

# Who counts. Claims refer to these keys.
sources:
  OHCHR:
    name: UN Office of the High Commissioner for Human Rights
    kind: un                    # un | ngo | monitor | government | media | academic | other
    method: Counts only deaths verified through several independent sources.
  local sources:
    name: Local sources cited by OCHA
    kind: other

claims:
  # Two figures printed side by side in one OCHA report: a verified count and a reported one.
  - id: ohchr-2019-08-08
    source: OHCHR
    relayed_by: OCHA            # who quoted it, if not the source itself
    figure: more than 500       # 730 | more than 730 | at least 730 | about 500 | between 160 and 300 ...
    population: civilians       # people | civilians | children | women | men | combatants | ...
    outcome: killed             # killed | injured | killed or injured | died | missing | detained | displaced
    perpetrators: any           # any | a party | a key of parties | a list
    area: [southern Idlib, northern Hama, western Aleppo]
    start: late April 2019      # a date or a period: 2019-04-29, April 2019, late April 2019 ...
    as_of: 2019-08-08           # the day the count runs to
    published: 2019-08-08       # when it was said (defaults to as_of)
    basis: verified             # verified | documented | reported | estimated
    url: https://reliefweb.int/report/syrian-arab-republic/syrian-arab-republic-recent-developments-northwestern-syria-situation-2
    quote: more than 500 civilians have died as a result of hostilities according to OHCHR
    # series: ohchr-northwest-2019  # optional: joins claims of one source that are one count
    #                               # however their areas are worded (say why in a comment)
    # complete: true              # optional, on a whole: every breakdown part is in the file

  - id: local-2019-08-08
    source: local sources
    relayed_by: OCHA
    figure: more than 780
    population: civilians
    outcome: killed
    area: [southern Idlib, northern Hama, western Aleppo]
    start: late April 2019
    as_of: 2019-08-08
    basis: reported
    url: https://reliefweb.int/report/syrian-arab-republic/syrian-arab-republic-recent-developments-northwestern-syria-situation-2
    quote: data from local sources indicates that as of August 8, more than 780 civilians may have been killed

# Pairs to compare and show first (optional): each entry is two claim ids.
# compare:
#   - [ohchr-2019-08-08, local-2019-08-08]

# Numbers the engine may use when the claims themselves give no evidence, each with a reason.
# assumptions:
#   - applies_to: basis         # as_of | start (with rate) | area | population | outcome | perpetrators | basis
#     from: verified
#     to: reported
#     ratio: [1.3, 1.8]         # a `reported` count is 1.3 to 1.8 times a `verified` one
#     reason: Why you believe this, with a source.
"""
