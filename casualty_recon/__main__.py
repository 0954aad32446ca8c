from casualty_recon.cli.app import main

main()
