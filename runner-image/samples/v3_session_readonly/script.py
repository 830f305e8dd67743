import os

import skriptoteket as st


def attempt(what, action):
    try:
        action()
        print(what, "lyckades")
    except OSError as e:
        print(what, "nekades", type(e).__name__)


def write(path, mode="w"):
    with open(path, mode) as f:
        f.write("ändrat")


def run_tool(input_path, output_dir):
    path = st.session_files()[0].path
    attempt("skriva", lambda: write(path))
    attempt("lägga till", lambda: write(path, "a"))
    attempt("ny fil", lambda: write("/work/session/ny.txt"))
    attempt("ta bort", lambda: os.remove(path))
    attempt("byta namn", lambda: os.rename(path, "/work/session/x.txt"))
    attempt("session.json", lambda: write("/work/session.json"))
    with open(path) as f:
        print("innehåll", f.read().strip())
    return [st.notice("klar")]
