"""The smallest valid data/options.yml, for tests that build a data folder of their own: it cites
no finding, so it fits any references.yml."""

MINIMAL_OPTIONS = """\
conditions:
  - id: reason
    title: A reason
options:
  - id: reason-wait
    condition: reason
    label: Wait
    title: Doing nothing for now
    unknown: [how, benefit, risks, cost, time, daily]
    answers:
      what:
        - - text: Waiting.
            own: true
    glance:
      benefit: { text: Not known, own: true }
      cost: { text: Free, own: true }
      time: { text: No sessions, own: true }
"""
