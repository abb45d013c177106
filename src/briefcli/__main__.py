from briefcli.cli.lean import main

main()
