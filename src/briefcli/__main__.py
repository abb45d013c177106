from briefcli.lean import main

main()
