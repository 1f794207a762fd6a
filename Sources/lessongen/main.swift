import LessonCLI

Lessongen.main()
