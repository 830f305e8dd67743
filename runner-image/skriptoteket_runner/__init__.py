"""The runner wrapper's parts, one concern each (runner.py composes them; PROTOCOL.md is the contract):

- job.py        reading the job: the input tar, job.json, the manifest, the field values and (v3) the session
- supervise.py  supervising the script's process: pipes, timeout, killing what it leaves behind
- outcome.py    deciding the outcome from what the process left: status, texts, failure kinds, images
- artifacts.py  collecting the files in /work/output: safe names, caps, no links followed
- result.py     writing the one result tar to the real stdout
- child.py      the child side: import the author's script and call its entrypoint
- texts.py      the wrapper's messages and the text caps shared by all of the above

Stdlib only, Python 3.11. None of it is editable by authors; it is part of the image.
"""
