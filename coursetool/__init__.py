"""The modules behind ./course: checks (doctor), kernel (setup), lab, export, bench and the command line (cli).

Standard library only: the Jupyter tools, Maven and the JDK are driven as programs found on PATH.
"""
